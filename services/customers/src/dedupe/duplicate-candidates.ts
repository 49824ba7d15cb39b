import { coreCompanyName, normaliseCompanyName, normaliseCreditCode, normalisePhone } from './duplicate-keys';

export interface DedupeRecord {
  id: string;
  name: string;
  creditCode: string | null;
  /** Customer phone and every contact's phone. */
  phones: readonly (string | null)[];
}

export type DuplicateReasonCode = 'CREDIT_CODE' | 'NAME' | 'NAME_CORE' | 'PHONE';

export interface DuplicatePair {
  /** The two ids, `a` < `b`. */
  a: string;
  b: string;
  /** 0..1, higher = more likely the same company. */
  score: number;
  reasons: DuplicateReasonCode[];
}

/** How much each kind of evidence says on its own; combined as independent signals (noisy-or). */
export const REASON_WEIGHT: Record<DuplicateReasonCode, number> = { CREDIT_CODE: 0.98, NAME: 0.85, NAME_CORE: 0.6, PHONE: 0.55 };

/** A key shared by more records than this is not evidence of anything (a switchboard, "华东贸易"). */
const MAX_BLOCK = 25;

/**
 * Duplicate candidates by blocking: records are grouped by each key (credit code, normalised name,
 * name without place prefix, phone) and only records sharing a key are compared, so the work
 * grows with the number of records, not its square.
 */
export function findDuplicateCandidates(records: readonly DedupeRecord[], minScore = 0.5): DuplicatePair[] {
  // One map per key kind; a key seen once holds just the record index (no array): most keys are
  // unique, and allocating nothing for them keeps the pass linear at 100k records.
  const kinds: DuplicateReasonCode[] = ['CREDIT_CODE', 'NAME', 'NAME_CORE', 'PHONE'];
  const blocks = kinds.map(() => new Map<string, number | number[]>());
  const add = (kind: number, key: string, index: number) => {
    const map = blocks[kind];
    const found = map.get(key);
    if (found === undefined) map.set(key, index);
    else if (typeof found === 'number') {
      if (found !== index) map.set(key, [found, index]);
    } else if (found[found.length - 1] !== index) found.push(index);
  };
  records.forEach((r, i) => {
    const code = normaliseCreditCode(r.creditCode);
    if (code) add(0, code, i);
    const name = normaliseCompanyName(r.name);
    if (name.length >= 2) {
      add(1, name, i);
      add(2, coreCompanyName(name), i);
    }
    for (const p of r.phones) {
      const phone = normalisePhone(p);
      if (phone) add(3, phone, i);
    }
  });

  const pairs = new Map<number, Set<DuplicateReasonCode>>();
  const n = records.length;
  blocks.forEach((map, kind) => {
    const reason = kinds[kind];
    for (const members of map.values()) {
      if (typeof members === 'number' || members.length > MAX_BLOCK) continue;
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = Math.min(members[x], members[y]), j = Math.max(members[x], members[y]);
          const pairKey = i * n + j;
          let reasons = pairs.get(pairKey);
          if (!reasons) pairs.set(pairKey, (reasons = new Set()));
          reasons.add(reason);
        }
      }
    }
  });

  const out: DuplicatePair[] = [];
  for (const [pairKey, reasonSet] of pairs) {
    // The same name implies the same core name: count the stronger one only.
    if (reasonSet.has('NAME')) reasonSet.delete('NAME_CORE');
    const reasons = [...reasonSet].sort((p, q) => REASON_WEIGHT[q] - REASON_WEIGHT[p]);
    const score = 1 - reasons.reduce((miss, r) => miss * (1 - REASON_WEIGHT[r]), 1);
    if (score < minScore) continue;
    const i = Math.floor(pairKey / n), j = pairKey % n;
    const [a, b] = records[i].id < records[j].id ? [records[i].id, records[j].id] : [records[j].id, records[i].id];
    out.push({ a, b, score: Math.round(score * 1000) / 1000, reasons });
  }
  out.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
  return out;
}

export const REASON_TEXT: Record<DuplicateReasonCode, { zh: string; en: string }> = {
  CREDIT_CODE: { zh: '统一社会信用代码相同', en: 'same unified social credit code' },
  NAME: { zh: '规范化后的名称相同', en: 'same name after normalisation' },
  NAME_CORE: { zh: '去掉省市前缀后名称相同', en: 'same name without the province / city prefix' },
  PHONE: { zh: '电话相同（含联系人电话）', en: 'same phone number (incl. contacts)' },
};

/** Who survives a merge: the most recent interaction, then the larger contract amount, then the older record. */
export function pickSurvivor<T extends { id: string; lastInteractionAt: Date | string; contractedAmount: number; createdAt: Date | string }>(customers: readonly T[]): T {
  return [...customers].sort((x, y) =>
    new Date(y.lastInteractionAt).getTime() - new Date(x.lastInteractionAt).getTime()
    || Number(y.contractedAmount) - Number(x.contractedAmount)
    || new Date(x.createdAt).getTime() - new Date(y.createdAt).getTime()
    || (x.id < y.id ? -1 : 1),
  )[0];
}
