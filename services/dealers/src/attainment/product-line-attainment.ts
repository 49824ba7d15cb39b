/**
 * Attainment per product line (产品线达成): each receipt counts for the product line of its SKU in
 * the catalogue. Actuals are summed in integer cents so they equal a hand sum of quantity × price.
 */

export interface ProductLineAttainment {
  productLine: string;
  /** HQ's part of the annual target for this line; null when the target is not broken down by line. */
  annualTarget: number | null;
  yearToDateActual: number;
  yearRate: number | null;
  /** This line's share of the current month's target (line ÷ annual × month); null outside the year or without a line part. */
  currentMonthTarget: number | null;
  currentMonthActual: number;
  currentMonthRate: number | null;
}

export interface LineSale {
  skuCode: string;
  quantity: number;
  unitPrice: number;
  /** 0..11, China time. */
  monthIndex: number;
}

export interface LineAttainmentInput {
  /** Catalogue lines in display order. */
  catalogueLines: readonly string[];
  lineOfSku: ReadonlyMap<string, string>;
  /** HQ's parts by line (empty: none). */
  lineTargets: ReadonlyMap<string, number>;
  annualTarget: number | null;
  /** Index of the current month when the year is the current one, else null. */
  currentMonthIndex: number | null;
  currentMonthTarget: number | null;
  /** Months counted in the year to date (12 for a past year). */
  monthsSoFar: number;
  sales: readonly LineSale[];
}

const rate = (actual: number, target: number | null) => (target !== null && target > 0 ? Math.round((actual / target) * 1000) / 1000 : null);
const cents = (quantity: number, unitPrice: number) => Math.round(quantity * unitPrice * 100);

export function productLineAttainment(input: LineAttainmentInput): ProductLineAttainment[] {
  const lines = [...input.catalogueLines];
  for (const line of [...input.lineTargets.keys(), ...input.lineOfSku.values()]) if (!lines.includes(line)) lines.push(line);
  const yearC = new Map<string, number>();
  const monthC = new Map<string, number>();
  for (const sale of input.sales) {
    const line = input.lineOfSku.get(sale.skuCode);
    if (!line || sale.monthIndex >= input.monthsSoFar) continue;
    const c = cents(sale.quantity, sale.unitPrice);
    yearC.set(line, (yearC.get(line) ?? 0) + c);
    if (sale.monthIndex === input.currentMonthIndex) monthC.set(line, (monthC.get(line) ?? 0) + c);
  }
  return lines.map((productLine) => {
    const annualTarget = input.lineTargets.get(productLine) ?? null;
    const share = annualTarget !== null && input.annualTarget && input.currentMonthTarget !== null ? annualTarget / input.annualTarget : null;
    const currentMonthTarget = share === null ? null : Math.round(share * input.currentMonthTarget! * 100) / 100;
    const yearToDateActual = (yearC.get(productLine) ?? 0) / 100;
    const currentMonthActual = (monthC.get(productLine) ?? 0) / 100;
    return {
      productLine, annualTarget, yearToDateActual, yearRate: rate(yearToDateActual, annualTarget),
      currentMonthTarget, currentMonthActual, currentMonthRate: rate(currentMonthActual, currentMonthTarget),
    };
  });
}
