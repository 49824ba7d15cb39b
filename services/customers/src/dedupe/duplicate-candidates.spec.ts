import { findDuplicateCandidates, pickSurvivor } from './duplicate-candidates';
import { coreCompanyName, normaliseCompanyName, normalisePhone } from './duplicate-keys';

describe('duplicate keys', () => {
  it('normalises legal forms, brackets, spaces and full-width characters away', () => {
    expect(normaliseCompanyName('华恒精密机械（中国）股份有限公司')).toBe('华恒精密机械');
    expect(normaliseCompanyName('华恒 精密机械有限公司')).toBe('华恒精密机械');
    expect(normaliseCompanyName('华恒精密机械(中国)有限责任公司')).toBe('华恒精密机械');
    expect(normaliseCompanyName('ＡＢＣ Co., Ltd.')).toBe('abc');
    expect(coreCompanyName(normaliseCompanyName('苏州市华恒精密机械有限公司'))).toBe('华恒精密机械');
  });

  it('normalises phones and ignores fragments', () => {
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalisePhone('0512-6666 8888')).toBe('051266668888');
    expect(normalisePhone('123')).toBeNull();
  });
});

describe('findDuplicateCandidates', () => {
  const rec = (id: string, name: string, phones: string[] = [], creditCode: string | null = null) => ({ id, name, creditCode, phones });

  it('pairs records by name, core name and phone (incl. contacts), with reasons and a score', () => {
    const pairs = findDuplicateCandidates([
      rec('1', '华恒精密机械有限公司', ['13800138000']),
      rec('2', '华恒精密机械（中国）股份有限公司'),
      rec('3', '苏州华恒精密机械有限公司'),
      rec('4', '完全不同公司', ['021-5555 6666', '138 0013 8000']),
      rec('5', '另一家公司'),
    ]);
    expect(pairs).toEqual([
      { a: '1', b: '2', score: 0.85, reasons: ['NAME'] },
      { a: '1', b: '3', score: 0.6, reasons: ['NAME_CORE'] },
      { a: '2', b: '3', score: 0.6, reasons: ['NAME_CORE'] },
      { a: '1', b: '4', score: 0.55, reasons: ['PHONE'] },
    ]);
  });

  it('combines signals: same name and phone scores above either', () => {
    const [pair] = findDuplicateCandidates([rec('a', '东方电气', ['13900000000']), rec('b', '东方电气有限公司', ['139 0000 0000'])]);
    expect(pair.reasons).toEqual(['NAME', 'PHONE']);
    expect(pair.score).toBeCloseTo(0.933, 3);
  });

  it('picks the survivor by last interaction, then contract amount', () => {
    const base = { createdAt: '2025-01-01' };
    expect(pickSurvivor([
      { id: 'x', lastInteractionAt: '2026-01-01', contractedAmount: 0, ...base },
      { id: 'y', lastInteractionAt: '2026-02-01', contractedAmount: 0, ...base },
    ]).id).toBe('y');
    expect(pickSurvivor([
      { id: 'x', lastInteractionAt: '2026-01-01', contractedAmount: 5, ...base },
      { id: 'y', lastInteractionAt: '2026-01-01', contractedAmount: 9, ...base },
    ]).id).toBe('y');
  });
});
