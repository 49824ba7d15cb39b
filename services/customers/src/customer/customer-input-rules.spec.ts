import { creditCodeCheckChar } from '@lianxiao/demo-data';
import { checkContactFields, checkCustomerFields, creditCodeProblem } from './customer-input-rules';

const body = '91310000MA1FL0TEX';
const VALID_CODE = body + creditCodeCheckChar(body);
const WRONG_CHECK = body + (creditCodeCheckChar(body) === '0' ? '1' : '0');
const valid = { name: '上海联销精密有限公司', creditCode: VALID_CODE, industry: '家电', region: '华东', channel: 'PHONE' };

describe('creditCodeProblem', () => {
  it('accepts a code with the right check character', () => {
    expect(creditCodeProblem(VALID_CODE)).toBeNull();
  });

  it('names the check character when only it is wrong', () => {
    expect(creditCodeProblem(WRONG_CHECK)).toMatchObject({ field: 'creditCode', messageEn: expect.stringContaining('check character') });
  });

  it('explains the shape for wrong length or forbidden letters', () => {
    for (const code of ['9131', VALID_CODE + '0', '91310000MA1FL0TEI1', '91ABCDEFMA1FL0TEX1']) {
      expect(creditCodeProblem(code)).toMatchObject({ field: 'creditCode', messageZh: expect.stringContaining('18 位') });
    }
  });
});

describe('checkCustomerFields', () => {
  it('cleans a valid new customer: trims, upper-cases the code and channel, drops duplicate product lines', () => {
    const result = checkCustomerFields({ ...valid, name: '  上海  联销 ', creditCode: VALID_CODE.toLowerCase(), channel: 'referral', productLines: ['模具', '模具'], phone: ' ' }, 'create');
    expect(result).toEqual({ ok: true, value: { ...valid, name: '上海 联销', channel: 'REFERRAL', productLines: ['模具'], phone: null } });
  });

  it('reports every bad field at once, each in Chinese and English', () => {
    const result = checkCustomerFields({ name: '', creditCode: WRONG_CHECK, industry: '餐饮', region: '火星', channel: 'EMAIL', nextActionDate: '2026-02-30' }, 'create');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details.map((d) => d.field)).toEqual(['name', 'creditCode', 'industry', 'region', 'channel', 'nextActionDate']);
    for (const detail of result.details) {
      expect(detail.messageZh).toBeTruthy();
      expect(detail.messageEn).toBeTruthy();
    }
  });

  it('requires the five master fields on create', () => {
    const result = checkCustomerFields({}, 'create');
    expect(result.ok ? [] : result.details.map((d) => d.field)).toEqual(['name', 'creditCode', 'industry', 'region', 'channel']);
  });

  it('refuses a name longer than 128 characters', () => {
    const result = checkCustomerFields({ ...valid, name: '厂'.repeat(129) }, 'create');
    expect(result.ok ? [] : result.details.map((d) => d.field)).toEqual(['name']);
  });

  it('refuses a province outside the region', () => {
    const result = checkCustomerFields({ ...valid, region: '华南', provinceCode: '310000' }, 'create');
    expect(result.ok ? null : result.details[0]).toMatchObject({ field: 'provinceCode', messageZh: '上海市不属于华南区域' });
  });

  it('on update checks only given fields, and refuses clearing a required one', () => {
    expect(checkCustomerFields({ phone: '0574-8888 1234' }, 'update')).toEqual({ ok: true, value: { phone: '0574-8888 1234' } });
    const cleared = checkCustomerFields({ name: null }, 'update');
    expect(cleared.ok ? [] : cleared.details.map((d) => d.field)).toEqual(['name']);
  });
});

describe('checkContactFields', () => {
  it('accepts a named contact and defaults isPrimary to false', () => {
    expect(checkContactFields({ name: ' 周经理 ', email: 'zhou@example.cn' })).toEqual({ ok: true, value: { name: '周经理', title: null, phone: null, email: 'zhou@example.cn', isPrimary: false } });
  });

  it('refuses a blank name, a bad phone and a bad e-mail together', () => {
    const result = checkContactFields({ name: ' ', phone: 'call me', email: 'nope' });
    expect(result.ok ? [] : result.details.map((d) => d.field)).toEqual(['name', 'phone', 'email']);
  });
});
