import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { makeEvent, validateEvent } from '@lianxiao/contracts';
import { alignByKey, Allow, assertTestHooksEnabled, DomainError, HQ_ROLES, OutboxWriter, requestLoader, RequestContext, Role, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { Customer } from '../customer/customer.entity';
import { ErpCustomerMaster } from './erp-customer-master.entity';
import { ErpCustomerMasterInput } from './erp-inbound.dto';

@Resolver(() => Customer)
export class ErpInboundResolver {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: OutboxWriter,
    @InjectRepository(ErpCustomerMaster) private readonly masters: Repository<ErpCustomerMaster>,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @ResolveField(() => ErpCustomerMaster, { nullable: true, description: 'Latest contact and valid contract amount as ERP last reported them / ERP 最新联系人与有效合同金额' })
  @Allow(...HQ_ROLES)
  erpMaster(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<ErpCustomerMaster | null> {
    return requestLoader<string, ErpCustomerMaster | null>(ctx, 'erp-master-by-customer', async (ids) =>
      alignByKey(ids, await this.masters.findBy({ customerId: In([...ids]) }), (m) => m.customerId),
    ).load(customer.id);
  }

  /**
   * Admin: publishes the event ERP would send, through this service's outbox and the real
   * transport, so the inbound path can be exercised without an ERP (integration tests, demos).
   * Returns the event id. A test hook: refused unless the process runs with test hooks on.
   */
  @Mutation(() => ID, { description: 'Admin (ERP simulator, test hook: LIANXIAO_TEST_HOOKS or the embedded demo): publish erp.customer-master-updated.v1 as ERP would; returns the event id / 模拟 ERP 推送客户主数据' })
  @Allow(Role.ADMIN)
  async simulateErpCustomerMasterUpdate(@Args('input') input: ErpCustomerMasterInput): Promise<string> {
    assertTestHooksEnabled(this.config, { zh: '模拟 ERP 推送客户主数据', en: 'Simulating an ERP customer-master update' });
    const event = makeEvent({
      type: 'erp.customer-master-updated.v1',
      source: '/erp/customer-master',
      subject: input.customerId,
      data: {
        customerId: input.customerId,
        erpCustomerCode: input.erpCustomerCode,
        creditCode: input.creditCode,
        latestContact: { name: input.latestContactName, phone: input.latestContactPhone, ...(input.latestContactTitle ? { title: input.latestContactTitle } : {}) },
        validContractAmount: input.validContractAmount,
        currency: input.currency ?? 'CNY',
        updatedAt: (input.updatedAt ?? new Date()).toISOString(),
      },
    });
    const errors = validateEvent(event);
    if (errors.length) throw DomainError.validation(errors.map((e) => ({ field: e.path.replace(/^\/?data\/?/, '').replace(/\//g, '.') || 'input', messageZh: e.message, messageEn: e.message })));
    await this.db.transaction((tx) => this.outbox.append(tx, event));
    return event.id;
  }
}
