import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { Caller, CommonErrorCode, ConnectionShape, dataScopeOf, DomainError, newId, OutboxWriter, pageWindow, toConnection } from '@lianxiao/platform';
import { makeEvent, Topics } from '@lianxiao/contracts';
import { StageService } from '../stage';
import { Customer } from './customer.entity';
import { Contact } from './contact.entity';
import { CreateCustomerInput, CUSTOMER_SORTS, CustomerListArgs, CustomerSort, UpdateCustomerInput } from './customer.dto';
import { customerScopeWhere, CustomerScopeWhere, isCustomerInScope } from './customer-scope';
import { customerSearchTermsOf, LIKE_ESCAPE, likePattern, pinyinInitialsOf } from './customer-search';
import { checkCustomerFields, CustomerFields } from './customer-input-rules';
import { isDuplicateKeyError } from './duplicate-key-error';
import { ownerNameFor } from './owner-name';

const FIRST_STAGE = 'LEAD';

@Injectable()
export class CustomerService {
  constructor(
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    private readonly stageService: StageService,
    private readonly outbox: OutboxWriter,
  ) {}

  /** One page of the customers the caller may see, filtered, searched and sorted. */
  async list(caller: Caller, args: CustomerListArgs): Promise<ConnectionShape<Customer>> {
    const window = pageWindow(args, 20);
    const sort = this.sortOf(args.sort);
    const scope = customerScopeWhere(dataScopeOf(caller));
    if (!scope) return toConnection([], 0, window);
    const qb = this.customers.createQueryBuilder('c');
    this.applyScope(qb, scope);
    // Merged customers (tombstones pointing at their survivor) and archived ones leave the working list;
    // they stay reachable by id (the detail page shows where they went).
    qb.andWhere('c.mergedIntoId IS NULL').andWhere('c.archivedAt IS NULL');
    if (args.stage) qb.andWhere('c.stage = :stage', { stage: args.stage });
    if (args.region) qb.andWhere('c.region = :region', { region: args.region });
    if (args.ownerId) qb.andWhere('c.ownerId = :ownerId', { ownerId: args.ownerId });
    if (args.industry) qb.andWhere('c.industry = :industry', { industry: args.industry });
    this.applySearch(qb, args.search);
    // Pinyin initials first: Chinese users expect 拼音 order, which neither database collation gives.
    if (sort === 'name') qb.orderBy('c.namePinyinInitials', 'ASC').addOrderBy('c.name', 'ASC');
    else if (sort === 'nextActionDate') qb.orderBy('CASE WHEN c.nextActionDate IS NULL THEN 1 ELSE 0 END', 'ASC').addOrderBy('c.nextActionDate', 'ASC');
    else qb.orderBy('c.lastInteractionAt', 'DESC');
    const [nodes, total] = await qb.addOrderBy('c.id', 'ASC').offset(window.skip).limit(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** One customer; outside the caller's scope it answers NOT_FOUND so ids do not leak. */
  async findForCaller(caller: Caller, id: string): Promise<Customer> {
    const [customer] = await this.findByIdsInScope(caller, [id]);
    if (!customer) throw DomainError.notFound('Customer', '客户', id);
    return customer;
  }

  /** Batched lookup in the caller's scope: one query for any number of ids. */
  findByIdsInScope(caller: Caller | null, ids: readonly string[]): Promise<Customer[]> {
    const scope = customerScopeWhere(dataScopeOf(caller));
    if (!scope || ids.length === 0) return Promise.resolve([]);
    return this.customers.find({ where: { id: In([...ids]), ...scope } });
  }

  async create(caller: Caller, input: CreateCustomerInput): Promise<Customer> {
    const check = checkCustomerFields({ ...input, ownerId: input.ownerId ?? caller.userId, region: input.region ?? caller.region ?? undefined }, 'create');
    if (!check.ok) throw DomainError.validation(check.details);
    const fields = check.value as Required<Pick<CustomerFields, 'name' | 'creditCode' | 'industry' | 'region' | 'channel' | 'ownerId'>> & CustomerFields;
    this.assertWritable(caller, { region: fields.region, ownerId: fields.ownerId });
    const now = new Date();
    const customer: Customer = {
      id: newId(),
      name: fields.name,
      creditCode: fields.creditCode,
      industry: fields.industry,
      region: fields.region,
      provinceCode: fields.provinceCode ?? null,
      city: fields.city ?? null,
      channel: fields.channel,
      productLines: fields.productLines ?? [],
      ownerId: fields.ownerId,
      ownerName: ownerNameFor(fields.ownerId, caller),
      stage: FIRST_STAGE,
      node: await this.firstNodeOf(FIRST_STAGE),
      stageEnteredAt: now,
      lastInteractionAt: now,
      nextActionDate: fields.nextActionDate ?? null,
      contractedAmount: 0,
      phone: fields.phone ?? null,
      namePinyinInitials: pinyinInitialsOf(fields.name),
      createdAt: now,
      updatedAt: now,
    };
    await this.writeRefusingDuplicateCode(fields.creditCode, () =>
      this.customers.manager.transaction(async (tx) => {
        await tx.getRepository(Customer).insert(customer);
        await this.appendCustomerUpdated(tx, customer.id);
      }),
    );
    return this.customers.findOneByOrFail({ id: customer.id });
  }

  /** Validates everything first, then writes once: an invalid input changes nothing. */
  async update(caller: Caller, id: string, input: UpdateCustomerInput): Promise<Customer> {
    const existing = await this.findForCaller(caller, id);
    const check = checkCustomerFields(input, 'update');
    if (!check.ok) throw DomainError.validation(check.details);
    const changes: Partial<Customer> = { ...check.value };
    this.assertWritable(caller, { region: changes.region ?? existing.region, ownerId: changes.ownerId ?? existing.ownerId });
    if (changes.name !== undefined && changes.name !== existing.name) changes.namePinyinInitials = pinyinInitialsOf(changes.name);
    if (changes.ownerId !== undefined && changes.ownerId !== existing.ownerId) changes.ownerName = ownerNameFor(changes.ownerId, caller);
    if (Object.keys(changes).length === 0) return existing;
    await this.writeRefusingDuplicateCode(changes.creditCode ?? existing.creditCode, () =>
      this.customers.manager.transaction(async (tx) => {
        await tx.getRepository(Customer).update({ id }, changes);
        await this.appendCustomerUpdated(tx, id);
      }),
    );
    return this.customers.findOneByOrFail({ id });
  }

  /** customers.customer-updated.v1 in the write's transaction: orders keeps name and credit code for its contract events. */
  private async appendCustomerUpdated(tx: EntityManager, id: string): Promise<void> {
    const c = await tx.getRepository(Customer).findOneByOrFail({ id });
    await this.outbox.append(
      tx,
      makeEvent({
        type: Topics.customerUpdated,
        source: '/lianxiao/customers',
        subject: c.id,
        data: { id: c.id, name: c.name, creditCode: c.creditCode, region: c.region, ownerId: c.ownerId, updatedAt: new Date(c.updatedAt).toISOString() },
      }),
    );
  }

  /** A caller may only write a customer that stays inside their own scope (rep: own, supervisor: region). */
  private assertWritable(caller: Caller, target: { region: string; ownerId: string }): void {
    const scope = dataScopeOf(caller);
    if (isCustomerInScope(customerScopeWhere(scope), target)) return;
    if (scope.kind === 'owner') {
      throw new DomainError(CommonErrorCode.FORBIDDEN, '销售只能新建和维护自己负责的客户', 'A rep may only create and keep customers they own', [], 403);
    }
    if (scope.kind === 'region') {
      throw new DomainError(CommonErrorCode.FORBIDDEN, `主管只能新建和维护本区域（${scope.region}）的客户`, `A supervisor may only create and keep customers in their region (${scope.region})`, [], 403);
    }
    throw DomainError.forbidden('writing customers', '维护客户');
  }

  private async writeRefusingDuplicateCode(creditCode: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      throw DomainError.conflict(`统一社会信用代码 ${creditCode} 已被另一客户使用`, `Credit code ${creditCode} is already used by another customer`);
    }
  }

  private async firstNodeOf(stageCode: string): Promise<string> {
    const stage = (await this.stageService.listWithNodes()).find((s) => s.code === stageCode);
    return stage?.nodes[0]?.code ?? 'LEAD_CAPTURED';
  }

  private sortOf(sort: string | undefined): CustomerSort {
    if (!sort) return 'lastInteractionAt';
    if ((CUSTOMER_SORTS as readonly string[]).includes(sort)) return sort as CustomerSort;
    throw DomainError.validation([{ field: 'sort', messageZh: `排序方式须为 ${CUSTOMER_SORTS.join('、')} 之一`, messageEn: `sort must be one of ${CUSTOMER_SORTS.join(', ')}` }]);
  }

  private applyScope(qb: SelectQueryBuilder<Customer>, scope: CustomerScopeWhere): void {
    if (scope.region !== undefined) qb.andWhere('c.region = :scopeRegion', { scopeRegion: scope.region });
    if (scope.ownerId !== undefined) qb.andWhere('c.ownerId = :scopeOwnerId', { scopeOwnerId: scope.ownerId });
  }

  private applySearch(qb: SelectQueryBuilder<Customer>, raw: string | undefined): void {
    const terms = customerSearchTermsOf(raw);
    if (!terms) return;
    const like = (column: string, param: string) => `${column} LIKE :${param} ESCAPE '${LIKE_ESCAPE}'`;
    qb.andWhere(
      new Brackets((w) => {
        w.where(like('c.name', 'searchName'), { searchName: likePattern(terms.text, 'contains') });
        if (terms.initials) w.orWhere(like('c.namePinyinInitials', 'searchInitials'), { searchInitials: likePattern(terms.initials, 'contains') });
        if (terms.creditCodePrefix) w.orWhere(like('c.creditCode', 'searchCode'), { searchCode: likePattern(terms.creditCodePrefix, 'prefix') });
        if (terms.phoneDigits) {
          const searchPhone = likePattern(terms.phoneDigits, 'contains');
          w.orWhere(like('c.phone', 'searchPhone'), { searchPhone });
          const contactPhones = qb.subQuery().select('ct.customerId').from(Contact, 'ct').where(like('ct.phone', 'searchPhone')).getQuery();
          w.orWhere(`c.id IN ${contactPhones}`, { searchPhone });
        }
      }),
    );
  }
}
