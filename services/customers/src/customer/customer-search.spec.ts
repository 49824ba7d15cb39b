import { customerSearchTermsOf, likePattern, pinyinInitialsOf } from './customer-search';

describe('pinyinInitialsOf', () => {
  it('gives the lower-case initials of a Chinese company name', () => {
    expect(pinyinInitialsOf('苏州华恒精密有限公司')).toBe('szhhjmyxgs');
  });

  it('keeps Latin letters and digits and drops spaces and punctuation', () => {
    expect(pinyinInitialsOf('ABC科技 2号（苏州）')).toBe('abckj2hsz');
  });

  it('reads full-width letters as their ASCII forms', () => {
    expect(pinyinInitialsOf('ＡＢ电子')).toBe('abdz');
  });
});

describe('customerSearchTermsOf', () => {
  it('ignores an empty or blank search', () => {
    expect(customerSearchTermsOf(undefined)).toBeNull();
    expect(customerSearchTermsOf('   ')).toBeNull();
  });

  it('matches Latin letters against pinyin initials and as a credit-code prefix', () => {
    expect(customerSearchTermsOf(' SZhh ')).toEqual({ text: 'SZhh', initials: 'szhh', creditCodePrefix: 'SZHH', phoneDigits: null });
  });

  it('normalises full-width input and inner spaces', () => {
    expect(customerSearchTermsOf('ｓｚ  ｈｈ')?.initials).toBe('szhh');
  });

  it('matches Chinese text against the name only', () => {
    expect(customerSearchTermsOf('苏州 华恒')).toEqual({ text: '苏州 华恒', initials: null, creditCodePrefix: null, phoneDigits: null });
  });

  it('treats digits as a credit-code prefix and as phone digits', () => {
    expect(customerSearchTermsOf('138-0013')).toEqual({ text: '138-0013', initials: null, creditCodePrefix: null, phoneDigits: '1380013' });
    expect(customerSearchTermsOf('91320')).toMatchObject({ creditCodePrefix: '91320', phoneDigits: '91320' });
  });

  it('does not search phones for fewer than three digits', () => {
    expect(customerSearchTermsOf('13')?.phoneDigits).toBeNull();
  });
});

describe('likePattern', () => {
  it('escapes the wildcards a user typed so they match literally', () => {
    expect(likePattern('100%_!', 'contains')).toBe('%100!%!_!!%');
    expect(likePattern('9132', 'prefix')).toBe('9132%');
  });
});
