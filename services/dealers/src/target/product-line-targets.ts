/**
 * Pure rules of the optional per-product-line parts of an annual target (产品线目标): every line
 * is a catalogue line, named once, an amount ≥ 0 with at most 2 decimals, and the parts add up to
 * the annual figure exactly (in integer cents). A product line left out has no target of its own.
 */
import { DomainError, ErrorDetail } from '@lianxiao/platform';
import { formatYuan, toCents } from './target-split';

export const TARGET_LINES_MISMATCH = 'TARGET_LINES_MISMATCH';

export interface ProductLineAmount {
  productLine: string;
  amount: number;
}

/** Trims the names and refuses unknown, repeated or badly formed lines and amounts (VALIDATION_FAILED). */
export function normaliseLineAmounts(lines: readonly ProductLineAmount[], catalogueLines: readonly string[]): ProductLineAmount[] {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  const known = new Set(catalogueLines);
  const out = lines.map((line, i) => {
    const field = `productLines[${i}]`;
    const name = typeof line.productLine === 'string' ? line.productLine.trim() : '';
    if (!known.has(name)) {
      const shown = name.slice(0, 16);
      details.push({ field, messageZh: `产品线「${shown}」不在产品目录中（可选：${catalogueLines.join('、')}）`, messageEn: `product line "${shown}" is not in the catalogue (one of: ${catalogueLines.join(', ')})` });
    } else if (seen.has(name)) {
      details.push({ field, messageZh: `产品线「${name}」重复`, messageEn: `product line "${name}" is given twice` });
    }
    seen.add(name);
    const amount = line.amount;
    if (!Number.isFinite(amount) || amount < 0) details.push({ field: `${field}.amount`, messageZh: `「${name.slice(0, 16)}」目标须为不小于 0 的金额`, messageEn: `the amount for "${name.slice(0, 16)}" must be ≥ 0` });
    else if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) details.push({ field: `${field}.amount`, messageZh: `「${name}」目标最多两位小数`, messageEn: `the amount for "${name}" may have at most 2 decimals` });
    return { productLine: name, amount };
  });
  if (details.length) throw DomainError.validation(details);
  return out;
}

/** Throws TARGET_LINES_MISMATCH naming the difference (zh + en) unless the parts add up to the annual figure. */
export function assertLinesAddUp(annual: number, lines: readonly ProductLineAmount[]): void {
  if (!lines.length) return;
  const annualC = toCents(annual);
  const sumC = lines.reduce((s, l) => s + toCents(l.amount), 0);
  if (sumC === annualC) return;
  const diffC = annualC - sumC;
  const gap = formatYuan(Math.abs(diffC));
  const [zh, en] = diffC > 0 ? ['尚差', 'short'] : ['超出', 'over'];
  throw new DomainError(
    TARGET_LINES_MISMATCH,
    `产品线目标合计 ${formatYuan(sumC)} 与年度目标 ${formatYuan(annualC)} 相差 ${gap}（${zh} ${gap}）`,
    `The product lines add up to ${formatYuan(sumC)}, the annual target is ${formatYuan(annualC)}: a difference of ${gap} (${gap} ${en})`,
    [{
      field: 'productLines', expected: annualC / 100, actual: sumC / 100, difference: diffC / 100,
      messageZh: `产品线目标合计与年度目标相差 ${gap}`, messageEn: `product lines differ from the annual target by ${gap}`,
    }],
    400,
  );
}
