import { ErrorDetail } from '@lianxiao/platform';
import { checkContacts, checkDealerPatch, checkNewDealer, checkTerritories, fieldsNotEditable, hqOnlyFieldsIn } from './dealer-profile.rules';

const fieldsOf = (problems: ErrorDetail[]) => problems.map((p) => p.field);

describe('dealer territories (GB/T 2260)', () => {
  it('names provinces and cities from the code table', () => {
    const problems: ErrorDetail[] = [];
    expect(checkTerritories([{ provinceCode: '330000', cityCode: '330100' }, { provinceCode: '350000', cityCode: null }], problems)).toEqual([
      { provinceCode: '330000', provinceName: '浙江省', cityCode: '330100', cityName: '杭州市' },
      { provinceCode: '350000', provinceName: '福建省', cityCode: null, cityName: null },
    ]);
    expect(problems).toEqual([]);
  });

  it('refuses an unknown province, a city of another province and the same place twice, in Chinese and English', () => {
    const problems: ErrorDetail[] = [];
    checkTerritories([
      { provinceCode: '990000' },
      { provinceCode: '330000', cityCode: '320100' },
      { provinceCode: '350000' },
      { provinceCode: '350000', cityCode: '350100' },
    ], problems);
    expect(fieldsOf(problems)).toEqual(['territories[0].provinceCode', 'territories[1].cityCode', 'territories[3]']);
    expect(problems[0].messageZh).toContain('990000 不是有效的 GB/T 2260 省级代码');
    expect(problems[1].messageEn).toContain('not a GB/T 2260 city code of province 330000');
    expect(problems[2].messageZh).toContain('重复');
  });

  it('needs at least one territory', () => {
    const problems: ErrorDetail[] = [];
    checkTerritories([], problems);
    expect(fieldsOf(problems)).toEqual(['territories']);
  });
});

describe('dealer contacts and fields', () => {
  it('accepts names, titles, phones and e-mails people use', () => {
    const problems: ErrorDetail[] = [];
    const contacts = checkContacts([{ name: ' 欧阳·娜娜 ', title: '总经理', phone: '+86 (591) 8765-4321', email: 'na@example.com.cn' }, { name: 'Anne-Marie O\'Neil', phone: '13912345678' }], problems);
    expect(problems).toEqual([]);
    expect(contacts[0]).toEqual({ name: '欧阳·娜娜', title: '总经理', phone: '+86 (591) 8765-4321', email: 'na@example.com.cn' });
    expect(contacts[1]).toMatchObject({ title: null, email: null });
  });

  it('refuses markup, invisible characters, bad phones and e-mails', () => {
    const problems: ErrorDetail[] = [];
    checkContacts([{ name: '<script>', phone: 'NaN', email: 'not-mail' }, { name: '李\u202e四', title: '经理\u0000', phone: '138' }], problems);
    expect(fieldsOf(problems)).toEqual(['contacts[0].name', 'contacts[0].email', 'contacts[0].phone', 'contacts[1].name', 'contacts[1].title', 'contacts[1].phone']);
    expect(problems.every((p) => p.messageZh && p.messageEn)).toBe(true);
  });

  it('checks only the fields sent and normalises tier and status', () => {
    const problems: ErrorDetail[] = [];
    expect(checkDealerPatch({ tier: 'b', status: 'suspended', address: '  ' }, problems)).toEqual({ tier: 'B', status: 'SUSPENDED', address: null });
    checkDealerPatch({ tier: 'Z', region: '火星', status: 'GONE' }, problems);
    expect(fieldsOf(problems)).toEqual(['tier', 'region', 'status']);
  });

  it('needs every field of a new dealer and a well-formed code', () => {
    const problems: ErrorDetail[] = [];
    checkNewDealer({ code: "fuzz' OR 1=1 --" }, problems);
    expect(fieldsOf(problems)).toEqual(['code', 'name', 'tier', 'region', 'phone', 'contacts', 'territories']);
  });

  it('names the HQ-only fields dealer staff sent', () => {
    expect(hqOnlyFieldsIn({ phone: '1', tier: 'A', territories: [], status: null })).toEqual(['tier', 'territories']);
    const error = fieldsNotEditable(['tier', 'territories']);
    expect(error.code).toBe('DEALER_FIELD_NOT_EDITABLE');
    expect(error.messageZh).toContain('等级、授权区域由总部维护');
    expect(error.messageEn).toContain('tier, territories are maintained by HQ');
  });
});
