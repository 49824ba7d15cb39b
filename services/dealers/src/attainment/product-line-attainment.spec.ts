import { productLineAttainment } from './product-line-attainment';

const lineOfSku = new Map([['WJ-001', '五金件'], ['WJ-002', '五金件'], ['ZN-001', '智能设备'], ['GF-001', '光伏支架']]);
const catalogueLines = ['光伏支架', '五金件', '智能设备'];

describe('attainment per product line', () => {
  it("sums each receipt into its SKU's line, for the year and the current month, in cents", () => {
    const result = productLineAttainment({
      catalogueLines, lineOfSku, annualTarget: 1_200_000, monthsSoFar: 11, currentMonthIndex: 10, currentMonthTarget: 120_000,
      lineTargets: new Map([['五金件', 300_000], ['智能设备', 900_000]]),
      sales: [
        { skuCode: 'WJ-001', quantity: 3, unitPrice: 12.5, monthIndex: 10 },
        { skuCode: 'WJ-002', quantity: 7, unitPrice: 0.1, monthIndex: 10 },
        { skuCode: 'WJ-001', quantity: 10, unitPrice: 12.5, monthIndex: 2 },
        { skuCode: 'ZN-001', quantity: 2, unitPrice: 1299, monthIndex: 10 },
      ],
    });
    expect(result.map((r) => r.productLine)).toEqual(['光伏支架', '五金件', '智能设备']);
    const [pv, hw, smart] = result;
    expect(pv).toEqual({ productLine: '光伏支架', annualTarget: null, yearToDateActual: 0, yearRate: null, currentMonthTarget: null, currentMonthActual: 0, currentMonthRate: null });
    expect(hw).toMatchObject({ annualTarget: 300_000, yearToDateActual: 163.2, currentMonthActual: 38.2, currentMonthTarget: 30_000 });
    expect(smart).toMatchObject({ annualTarget: 900_000, yearToDateActual: 2598, currentMonthActual: 2598, currentMonthTarget: 90_000, currentMonthRate: 0.029 });
  });

  it('has no current month outside the current year and counts the whole of a past year', () => {
    const [, hw] = productLineAttainment({
      catalogueLines, lineOfSku, annualTarget: 100, monthsSoFar: 12, currentMonthIndex: null, currentMonthTarget: null,
      lineTargets: new Map([['五金件', 100]]),
      sales: [{ skuCode: 'WJ-001', quantity: 4, unitPrice: 12.5, monthIndex: 11 }],
    });
    expect(hw).toMatchObject({ yearToDateActual: 50, yearRate: 0.5, currentMonthTarget: null, currentMonthActual: 0, currentMonthRate: null });
  });
});
