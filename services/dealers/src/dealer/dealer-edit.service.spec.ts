import { DataSource } from 'typeorm';
import { Caller, DomainError, Role } from '@lianxiao/platform';
import { Dealer } from './dealer.entity';
import { DealerContact } from './dealer-contact.entity';
import { Territory } from './territory.entity';
import { DealerService } from './dealer.service';
import { DealerEditService } from './dealer-edit.service';
import { CreateDealerInput } from './dealer-edit.dto';

const director: Caller = { userId: 'u-director', username: 'director', roles: [Role.DIRECTOR] };

const newDealer = (over: Partial<CreateDealerInput> = {}): CreateDealerInput => ({
  code: 'd90', name: '宁波海联工贸有限公司', tier: 'B', region: '华东', phone: '0574-87654321', address: '宁波市鄞州区天童南路 1 号',
  contacts: [{ name: '王海', title: '总经理', phone: '13800000001', email: 'wang@example.cn' }, { name: '李娜', phone: '13800000002' }],
  territories: [{ provinceCode: '330000', cityCode: '330200' }, { provinceCode: '340000' }],
  ...over,
});

describe('dealer master data on a real (in-memory SQLite) database', () => {
  let db: DataSource;
  let edits: DealerEditService;

  beforeEach(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Dealer, DealerContact, Territory], synchronize: true }).initialize();
    edits = new DealerEditService(db, new DealerService(db.getRepository(Dealer)));
  });
  afterEach(() => db.destroy());

  const counts = async () => ({
    dealers: await db.getRepository(Dealer).count(), contacts: await db.getRepository(DealerContact).count(), territories: await db.getRepository(Territory).count(),
  });

  it('creates a dealer with its contacts (main contact first) and territories named from the code table', async () => {
    const created = await edits.create(newDealer());
    expect(created).toMatchObject({ code: 'D90', status: 'ACTIVE', tier: 'B', contactName: '王海', address: '宁波市鄞州区天童南路 1 号' });
    expect(created.contacts.map((c) => [c.position, c.name, c.title])).toEqual([[0, '王海', '总经理'], [1, '李娜', null]]);
    expect(created.territories.map((t) => [t.provinceName, t.cityName]).sort()).toEqual([['安徽省', null], ['浙江省', '宁波市']]);
  });

  it('refuses a taken code, whatever its case, and writes nothing', async () => {
    await edits.create(newDealer());
    const before = await counts();
    await expect(edits.create(newDealer({ code: 'D90', name: '另一家公司' }))).rejects.toMatchObject({ code: 'DEALER_CODE_TAKEN' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a new dealer with an unknown GB/T 2260 code and writes nothing', async () => {
    await expect(edits.create(newDealer({ territories: [{ provinceCode: '330000' }, { provinceCode: '999999' }] }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await counts()).toEqual({ dealers: 0, contacts: 0, territories: 0 });
  });

  it('keeps the territory rows that stay, drops the removed ones and adds the new ones', async () => {
    const created = await edits.create(newDealer());
    const kept = created.territories.find((t) => t.provinceCode === '330000')!;
    const updated = await edits.update(director, created.id, { territories: [{ provinceCode: '330000', cityCode: '330200' }, { provinceCode: '350000', cityCode: '350200' }] });
    expect(updated.territories.map((t) => `${t.provinceCode}/${t.cityCode}`).sort()).toEqual(['330000/330200', '350000/350200']);
    expect(updated.territories.find((t) => t.provinceCode === '330000')!.id).toBe(kept.id);
    expect(await db.getRepository(Territory).count()).toBe(2);
  });

  it('lets the dealer staff change their own contacts and keeps contactName on the main contact', async () => {
    const created = await edits.create(newDealer());
    const staff: Caller = { userId: 'u-staff', username: 'staff', roles: [Role.DEALER], dealerId: created.id };
    const updated = await edits.update(staff, created.id, { contacts: [{ name: '赵敏', title: '销售经理', phone: '13900000009' }], address: '' });
    expect(updated.contactName).toBe('赵敏');
    expect(updated.address).toBeNull();
    expect(updated.contacts).toHaveLength(1);
    expect(await db.getRepository(DealerContact).count()).toBe(1);
  });

  it('refuses dealer staff HQ-only fields and another dealer, changing nothing', async () => {
    const created = await edits.create(newDealer());
    const staff: Caller = { userId: 'u-staff', username: 'staff', roles: [Role.DEALER], dealerId: created.id };
    const before = await edits.update(director, created.id, { phone: '0574-11112222' });
    const refused = await edits.update(staff, created.id, { phone: '0574-33334444', tier: 'A', territories: [{ provinceCode: '310000' }] }).catch((e: DomainError) => e);
    expect(refused).toMatchObject({ code: 'DEALER_FIELD_NOT_EDITABLE' });
    expect((refused as DomainError).details.map((d) => d.field)).toEqual(['tier', 'territories']);
    const other: Caller = { ...staff, dealerId: 'another-dealer' };
    await expect(edits.update(other, created.id, { phone: '0574-33334444' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const after = await db.getRepository(Dealer).findOneByOrFail({ id: created.id });
    expect({ phone: after.phone, tier: after.tier }).toEqual({ phone: before.phone, tier: 'B' });
  });

  it('refuses an empty change and an unknown dealer', async () => {
    const created = await edits.create(newDealer());
    await expect(edits.update(director, created.id, {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(edits.update(director, '00000000-0000-4000-8000-000000000000', { phone: '0574-1234567' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
