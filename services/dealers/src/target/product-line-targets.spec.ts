import { DomainError } from '@lianxiao/platform';
import { assertLinesAddUp, normaliseLineAmounts, TARGET_LINES_MISMATCH } from './product-line-targets';

const CATALOGUE = ['光伏支架', '模具', '五金件', '智能设备'];

describe('product-line parts of an annual target', () => {
  it('accepts parts that add up to the annual figure, to the cent', () => {
    expect(() => assertLinesAddUp(1_000_000, [{ productLine: '五金件', amount: 600_000.1 }, { productLine: '智能设备', amount: 399_999.9 }])).not.toThrow();
    expect(() => assertLinesAddUp(0.3, [{ productLine: '五金件', amount: 0.1 }, { productLine: '模具', amount: 0.2 }])).not.toThrow();
    expect(() => assertLinesAddUp(1_000_000, [])).not.toThrow();
  });

  it('refuses parts that fall short, naming the difference in zh and en', () => {
    try {
      assertLinesAddUp(8_000_000, [{ productLine: '五金件', amount: 5_000_000 }, { productLine: '智能设备', amount: 2_990_000 }]);
      fail('expected a refusal');
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe(TARGET_LINES_MISMATCH);
      expect(err.messageZh).toBe('产品线目标合计 7990000 与年度目标 8000000 相差 10000（尚差 10000）');
      expect(err.messageEn).toContain('a difference of 10000 (10000 short)');
      expect(err.details[0]).toMatchObject({ field: 'productLines', expected: 8_000_000, actual: 7_990_000, difference: 10_000 });
    }
  });

  it('refuses parts that exceed the annual figure', () => {
    expect(() => assertLinesAddUp(100, [{ productLine: '模具', amount: 100.5 }]))
      .toThrow(expect.objectContaining({ code: TARGET_LINES_MISMATCH, messageZh: expect.stringContaining('超出 0.50') }));
  });

  it('trims names and refuses unknown or repeated lines and bad amounts as VALIDATION_FAILED', () => {
    expect(normaliseLineAmounts([{ productLine: ' 模具 ', amount: 1 }], CATALOGUE)).toEqual([{ productLine: '模具', amount: 1 }]);
    const refused = (lines: { productLine: string; amount: number }[]) => {
      try { normaliseLineAmounts(lines, CATALOGUE); return null; } catch (e) { return e as DomainError; }
    };
    expect(refused([{ productLine: '汽车', amount: 1 }])?.messageZh).toContain('产品线「汽车」不在产品目录中');
    expect(refused([{ productLine: '模具', amount: 1 }, { productLine: '模具', amount: 2 }])?.messageEn).toContain('given twice');
    expect(refused([{ productLine: '模具', amount: -1 }])?.code).toBe('VALIDATION_FAILED');
    expect(refused([{ productLine: '模具', amount: 0.001 }])?.code).toBe('VALIDATION_FAILED');
    expect(refused([{ productLine: '模具', amount: Number.NaN }])?.code).toBe('VALIDATION_FAILED');
  });
});
