import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, dataScopeOf, DomainError, ErrorDetail, isDuplicateKeyError, newId } from '@lianxiao/platform';
import { Dealer } from './dealer.entity';
import { DealerContact } from './dealer-contact.entity';
import { Territory } from './territory.entity';
import { CreateDealerInput, UpdateDealerInput } from './dealer-edit.dto';
import {
  CheckedContact, CheckedTerritory, checkDealerPatch, checkNewDealer, dealerCodeTaken, fieldsNotEditable, hqOnlyFieldsIn, nothingToChange,
} from './dealer-profile.rules';
import { DealerService } from './dealer.service';

const placeKey = (t: { provinceCode: string; cityCode: string | null }) => `${t.provinceCode}/${t.cityCode ?? ''}`;
const contactKey = (c: CheckedContact) => JSON.stringify([c.name, c.title, c.phone, c.email]);

/**
 * Dealer master data: HQ (admin, director) creates dealers and edits everything; a dealer's own staff
 * edit their contacts, address and phone. Every input is checked before anything is written and each
 * change is one transaction (dealer row, contacts, territories), audited by the platform subscriber.
 */
@Injectable()
export class DealerEditService {
  constructor(private readonly db: DataSource, private readonly dealers: DealerService) {}

  async create(input: CreateDealerInput): Promise<Dealer> {
    const problems: ErrorDetail[] = [];
    const checked = checkNewDealer(input, problems);
    if (problems.length) throw DomainError.validation(problems);
    const id = newId();
    try {
      await this.db.transaction(async (tx) => {
        if (await tx.getRepository(Dealer).existsBy({ code: checked.code })) throw dealerCodeTaken(checked.code);
        const { contacts, territories, ...columns } = checked;
        await tx.getRepository(Dealer).insert({ id, ...columns, contactName: contacts[0].name });
        await this.replaceContacts(tx, id, contacts);
        await this.insertTerritories(tx, id, territories);
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw dealerCodeTaken(checked.code);
      throw error;
    }
    return this.dealers.findOneOrFail(id);
  }

  /**
   * Dealer staff: their own dealer only (FORBIDDEN otherwise) and only contacts, address and phone
   * (DEALER_FIELD_NOT_EDITABLE names any other field sent). HQ: every field.
   */
  async update(caller: Caller, id: string, input: UpdateDealerInput): Promise<Dealer> {
    const scope = dataScopeOf(caller);
    if (scope.kind === 'dealer' || scope.kind === 'none') {
      if (scope.kind === 'none' || scope.dealerId !== id) throw DomainError.forbidden("changes to another dealer's profile", '修改其他经销商的资料');
      const hqOnly = hqOnlyFieldsIn(input);
      if (hqOnly.length) throw fieldsNotEditable(hqOnly);
    }
    const problems: ErrorDetail[] = [];
    const patch = checkDealerPatch(input, problems);
    if (problems.length) throw DomainError.validation(problems);
    if (!Object.keys(patch).length) throw nothingToChange();

    await this.db.transaction(async (tx) => {
      const current = await tx.getRepository(Dealer).findOne({ where: { id: id ?? '' }, relations: { contacts: true, territories: true } });
      if (!current) throw DomainError.notFound('Dealer', '经销商', id);
      const columns: Partial<Dealer> = {};
      for (const key of ['name', 'tier', 'region', 'status', 'phone', 'address'] as const) {
        if (key in patch && patch[key] !== current[key]) Object.assign(columns, { [key]: patch[key] });
      }
      if (patch.contacts) {
        const before = [...current.contacts].sort((a, b) => a.position - b.position).map(contactKey);
        if (JSON.stringify(before) !== JSON.stringify(patch.contacts.map(contactKey))) await this.replaceContacts(tx, id, patch.contacts, current.contacts);
        if (patch.contacts[0].name !== current.contactName) columns.contactName = patch.contacts[0].name;
      }
      if (patch.territories) await this.replaceTerritories(tx, current, patch.territories);
      if (Object.keys(columns).length) await tx.getRepository(Dealer).update({ id }, columns);
    });
    return this.dealers.findOneOrFail(id);
  }

  private async replaceContacts(tx: EntityManager, dealerId: string, contacts: CheckedContact[], existing: DealerContact[] = []): Promise<void> {
    if (existing.length) await tx.getRepository(DealerContact).delete(existing.map((c) => c.id));
    await tx.getRepository(DealerContact).insert(contacts.map((c, position) => ({ id: newId(), dealerId, ...c, position })));
  }

  private async insertTerritories(tx: EntityManager, dealerId: string, territories: CheckedTerritory[]): Promise<void> {
    if (territories.length) await tx.getRepository(Territory).insert(territories.map((t) => ({ id: newId(), dealerId, ...t })));
  }

  /** Keeps the rows of places that stay (their ids and audit trail), deletes the dropped ones, adds the new ones. */
  private async replaceTerritories(tx: EntityManager, dealer: Dealer, wanted: CheckedTerritory[]): Promise<void> {
    const wantedKeys = new Set(wanted.map(placeKey));
    const currentKeys = new Set(dealer.territories.map(placeKey));
    const dropped = dealer.territories.filter((t) => !wantedKeys.has(placeKey(t)));
    if (dropped.length) await tx.getRepository(Territory).delete(dropped.map((t) => t.id));
    await this.insertTerritories(tx, dealer.id, wanted.filter((t) => !currentKeys.has(placeKey(t))));
  }
}
