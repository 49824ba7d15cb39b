import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * Dealer master data through the gateway: HQ edits a dealer (contacts, tier, status, territories by
 * GB/T 2260 code), a bad code is refused with nothing changed, dealer05 edits only its own contacts,
 * address and phone. Every dealer touched is put back afterwards, so the demo network (37 dealers,
 * their territories for the 窜货 check) is what the other tests expect; new dealers are created only
 * in the refusal cases for the same reason (the successful create is covered by the service spec).
 */
interface Contact { name: string; title: string | null; phone: string; email: string | null }
interface Territory { provinceCode: string; provinceName: string; cityCode: string | null; cityName: string | null }
interface DealerProfile {
  id: string; code: string; name: string; tier: string; region: string; status: string; phone: string; address: string | null;
  contactName: string; contacts: Contact[]; territories: Territory[];
}

const PROFILE = `id code name tier region status phone address contactName
  contacts { name title phone email } territories { provinceCode provinceName cityCode cityName }`;
const DEALER = `query($id: ID!) { dealer(id: $id) { ${PROFILE} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateDealerInput!) { updateDealer(id: $id, input: $input) { ${PROFILE} } }`;
const CREATE = 'mutation($input: CreateDealerInput!) { createDealer(input: $input) { id code } }';

const places = (d: DealerProfile) => d.territories.map((t) => `${t.provinceCode}/${t.cityCode ?? ''}`).sort();
const contactInputs = (d: DealerProfile) => d.contacts.map(({ name, title, phone, email }) => ({ name, title, phone, email }));
const territoryInputs = (d: DealerProfile) => d.territories.map(({ provinceCode, cityCode }) => ({ provinceCode, cityCode }));
/** What HQ would send to put a dealer back exactly as it was. */
const restoreInput = (d: DealerProfile) => ({
  name: d.name, tier: d.tier, region: d.region, status: d.status, phone: d.phone, address: d.address ?? '',
  contacts: contactInputs(d), territories: territoryInputs(d),
});

let director: string;
let dealer05: string;
let ids: Record<string, string>;

async function profile(code: string, token = director): Promise<DealerProfile> {
  const answer = await gql<{ dealer: DealerProfile }>(DEALER, { id: ids[code] }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data!.dealer;
}

beforeAll(async () => {
  [director, dealer05] = await Promise.all([tokenFor('director'), tokenFor('dealer05')]);
  const answer = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(first: 100) { nodes { id code } } }', {}, director);
  ids = Object.fromEntries(answer.data!.dealers.nodes.map((d) => [d.code, d.id]));
  expect(ids.D05 && ids.D06 && ids.D33).toBeTruthy();
});

describe('territory code table', () => {
  it('lists the GB/T 2260 provinces with their cities for the territory picker', async () => {
    const answer = await gql<{ territoryProvinces: { code: string; name: string; region: string; cities: { code: string; name: string }[] }[] }>(
      '{ territoryProvinces { code name region cities { code name } } }', {}, dealer05);
    expect(answer.errors).toBeUndefined();
    const zhejiang = answer.data!.territoryProvinces.find((p) => p.code === '330000');
    expect(zhejiang).toMatchObject({ name: '浙江省', region: '华东' });
    expect(zhejiang!.cities).toContainEqual({ code: '330200', name: '宁波市' });
  });
});

describe('HQ edits a dealer', () => {
  let original: DealerProfile;
  beforeAll(async () => {
    original = await profile('D33');
  });
  afterAll(async () => {
    const back = await gql<{ updateDealer: DealerProfile }>(UPDATE, { id: ids.D33, input: restoreInput(original) }, director);
    expect(back.errors).toBeUndefined();
    expect(places(back.data!.updateDealer)).toEqual(places(original));
  });

  it('changes contacts, tier, status, address and territories in one edit; the change is audited', async () => {
    const input = {
      tier: original.tier === 'A' ? 'B' : 'A', status: 'SUSPENDED', address: '合肥市蜀山区长江西路 99 号',
      contacts: [{ name: '周海涛', title: '总经理', phone: '13955510001', email: 'zhou@example.cn' }, { name: '吴敏', title: '销售内勤', phone: '0551-62345678' }],
      territories: [{ provinceCode: '340000', cityCode: '340100' }, { provinceCode: '320000', cityCode: '320500' }, { provinceCode: '360000' }],
    };
    const answer = await gql<{ updateDealer: DealerProfile }>(UPDATE, { id: ids.D33, input }, director);
    expect(answer.errors).toBeUndefined();
    const updated = answer.data!.updateDealer;
    expect(updated).toMatchObject({ tier: input.tier, status: 'SUSPENDED', address: input.address, contactName: '周海涛', code: 'D33', name: original.name });
    expect(updated.contacts).toEqual([
      { name: '周海涛', title: '总经理', phone: '13955510001', email: 'zhou@example.cn' },
      { name: '吴敏', title: '销售内勤', phone: '0551-62345678', email: null },
    ]);
    expect(updated.territories.map((t) => `${t.provinceName}${t.cityName ?? ''}`).sort()).toEqual(['安徽省合肥市', '江西省', '江苏省苏州市'].sort());
    expect(await profile('D33')).toEqual(updated);

    const audit = await gql<{ dealersAuditLog: { nodes: { action: string; username: string; before: string; after: string }[] } }>(
      'query($f: AuditLogFilter) { dealersAuditLog(filter: $f, first: 5) { nodes { action username before after } } }',
      { f: { entityType: 'Dealer', entityId: ids.D33, action: 'UPDATE' } }, director);
    expect(audit.errors).toBeUndefined();
    const entry = audit.data!.dealersAuditLog.nodes.find((n) => JSON.parse(n.after).status === 'SUSPENDED');
    expect(entry).toMatchObject({ username: 'director' });
    expect(JSON.parse(entry!.before)).toMatchObject({ status: original.status });
  });

  it('refuses a territory code that is not GB/T 2260 and changes nothing of the edit', async () => {
    const before = await profile('D33');
    const answer = await gql(UPDATE, {
      id: ids.D33,
      input: { phone: '0551-60000000', contacts: [{ name: '不该保存', phone: '13900000000' }], territories: [{ provinceCode: '340000' }, { provinceCode: '999999' }, { provinceCode: '330000', cityCode: '320100' }] },
    }, director);
    expect(errorCodes(answer)).toEqual(['VALIDATION_FAILED']);
    const details = answer.errors![0].extensions!.details as { field: string; messageZh: string; messageEn: string }[];
    expect(details.map((d) => d.field)).toEqual(['territories[1].provinceCode', 'territories[2].cityCode']);
    expect(details[0].messageZh).toContain('999999 不是有效的 GB/T 2260 省级代码');
    expect(details[0].messageEn).toContain('999999 is not a GB/T 2260 province code');
    expect(await profile('D33')).toEqual(before);
  });

  it('refuses a second dealer with a code in use, and dealer staff creating dealers, adding none', async () => {
    const count = async () => (await gql<{ dealers: { totalCount: number } }>('{ dealers(first: 1) { totalCount } }', {}, director)).data!.dealers.totalCount;
    const before = await count();
    const input = {
      code: 'd05', name: '重复编号测试有限公司', tier: 'C', region: '华东', phone: '0591-12345678',
      contacts: [{ name: '测试', phone: '13900000001' }], territories: [{ provinceCode: '350000' }],
    };
    const taken = await gql(CREATE, { input }, director);
    expect(errorCodes(taken)).toEqual(['DEALER_CODE_TAKEN']);
    expect(taken.errors![0].extensions!.messageZh).toContain('D05 已被使用');
    expect(errorCodes(await gql(CREATE, { input: { ...input, code: 'X-NEW' } }, dealer05))).toEqual(['FORBIDDEN']);
    expect(await count()).toBe(before);
  });
});

describe('a dealer edits its own profile', () => {
  let own: DealerProfile;
  let other: DealerProfile;
  beforeAll(async () => {
    [own, other] = await Promise.all([profile('D05'), profile('D06')]);
  });
  afterAll(async () => {
    const back = await gql(UPDATE, { id: ids.D05, input: { phone: own.phone, address: own.address ?? '', contacts: contactInputs(own) } }, dealer05);
    expect(back.errors).toBeUndefined();
  });

  it('dealer05 changes its contacts, address and phone', async () => {
    const input = {
      phone: '0591-88886666', address: '福州市鼓楼区五四路 158 号',
      contacts: [{ name: '陈建国', title: '总经理', phone: '13805910005', email: 'chen@d05.example.cn' }, ...contactInputs(own)],
    };
    const answer = await gql<{ updateDealer: DealerProfile }>(UPDATE, { id: ids.D05, input }, dealer05);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.updateDealer).toMatchObject({ phone: input.phone, address: input.address, contactName: '陈建国', tier: own.tier, status: own.status });
    expect(answer.data!.updateDealer.contacts.map((c) => c.name)).toEqual(['陈建国', ...own.contacts.map((c) => c.name)]);
    expect(places(await profile('D05', dealer05))).toEqual(places(own));
  });

  it('refuses tier and territories from dealer05 with a coded bilingual error, changing nothing', async () => {
    const before = await profile('D05');
    const answer = await gql(UPDATE, { id: ids.D05, input: { phone: '0591-11112222', tier: 'A', territories: [{ provinceCode: '310000' }] } }, dealer05);
    expect(errorCodes(answer)).toEqual(['DEALER_FIELD_NOT_EDITABLE']);
    expect(answer.errors![0].extensions!.messageZh).toContain('等级、授权区域由总部维护');
    expect(answer.errors![0].extensions!.messageEn).toContain('tier, territories are maintained by HQ');
    const status = await gql(UPDATE, { id: ids.D05, input: { status: 'ACTIVE' } }, dealer05);
    expect(errorCodes(status)).toEqual(['DEALER_FIELD_NOT_EDITABLE']);
    expect(await profile('D05')).toEqual(before);
  });

  it("refuses dealer05 on dealer06's profile and leaves it as it was", async () => {
    const answer = await gql(UPDATE, { id: ids.D06, input: { phone: '0791-00000000' } }, dealer05);
    expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
    expect(answer.data?.updateDealer ?? null).toBeNull();
    expect(await profile('D06')).toEqual(other);
  });
});
