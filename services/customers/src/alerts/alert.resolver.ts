import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, assertTestHooksEnabled, Caller, ConnectionShape, CurrentCaller, DomainError, groupByKey, HQ_ROLES, requestLoader, RequestContext, Role, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { Customer } from '../customer/customer.entity';
import { Alert } from './alert.entity';
import { AlertDelivery } from './alert-delivery.entity';
import { AlertRule } from './alert-rule.entity';
import { AlertService } from './alert.service';
import { AlertConnection, AlertListArgs, AlertSweepResult, UpdateAlertRuleInput } from './alert.dto';
import { SEVERITY_COLOR } from './alert-vocabulary';

const ALERT_VIEWERS = [Role.ADMIN, Role.DIRECTOR, Role.SUPERVISOR, Role.REP];

@Resolver(() => Alert)
export class AlertResolver {
  constructor(
    private readonly alertService: AlertService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Query(() => [AlertRule], { description: 'The alert rules with their thresholds and channels / 预警规则' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  alertRules(): Promise<AlertRule[]> {
    return this.alertService.listRules();
  }

  @Mutation(() => AlertRule, { description: 'Admin or director: change a rule’s threshold, channels, robot URLs / 修改预警规则' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  updateAlertRule(@CurrentCaller() caller: Caller, @Args('code') code: string, @Args('input') input: UpdateAlertRuleInput): Promise<AlertRule> {
    return this.alertService.updateRule(caller, code, input);
  }

  @Query(() => AlertConnection, { description: 'Alerts in my scope (director: all, supervisor: region, rep: own), newest first / 预警列表' })
  @Allow(...ALERT_VIEWERS)
  alerts(@CurrentCaller() caller: Caller, @Args() args: AlertListArgs): Promise<ConnectionShape<Alert>> {
    return this.alertService.list(caller, args);
  }

  @Mutation(() => Alert, { description: 'Acknowledge an alert (and read it in my inbox) / 确认预警' })
  @Allow(...ALERT_VIEWERS)
  acknowledgeAlert(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<Alert> {
    return this.alertService.acknowledge(caller, id);
  }

  @Mutation(() => AlertSweepResult, {
    description: 'Admin: evaluate the alert rules now (catch-up), optionally only for some customers; `at` (clock control) is a test hook, refused unless LIANXIAO_TEST_HOOKS / the embedded demo / 执行预警扫描',
  })
  @Allow(Role.ADMIN)
  async runAlertSweep(
    @Args('at', { type: () => Date, nullable: true }) at?: Date | null,
    @Args('customerIds', { type: () => [ID], nullable: true }) customerIds?: string[] | null,
  ): Promise<AlertSweepResult> {
    if (at) assertTestHooksEnabled(this.config, { zh: '指定时间执行预警扫描', en: 'Running the alert sweep as of a chosen time' });
    if (customerIds && customerIds.length > 1000) {
      throw DomainError.validation([{ field: 'customerIds', messageZh: '一次最多 1000 个客户', messageEn: 'At most 1000 customers at a time' }]);
    }
    const result = await this.alertService.sweep({ at: at ?? new Date(), customerIds: customerIds ?? undefined });
    return { at: result.at, evaluatedCustomers: result.evaluatedCustomers, resolved: result.resolved, raised: result.raised };
  }

  @ResolveField(() => String, { description: 'Hex colour of the severity' })
  @Allow(...HQ_ROLES)
  color(@Parent() alert: Alert): string {
    return SEVERITY_COLOR[alert.severity];
  }

  @ResolveField(() => Boolean)
  @Allow(...HQ_ROLES)
  open(@Parent() alert: Alert): boolean {
    return !alert.resolvedAt;
  }

  @ResolveField(() => [AlertDelivery], { description: 'Emails and robot messages sent for this alert' })
  @Allow(...ALERT_VIEWERS)
  deliveries(@Parent() alert: Alert, @Context() ctx: RequestContext): Promise<AlertDelivery[]> {
    return requestLoader<string, AlertDelivery[]>(ctx, 'alert-deliveries', async (ids) => groupByKey(ids, await this.alertService.deliveriesOf(ids), (d) => d.alertId)).load(alert.id);
  }
}

@Resolver(() => Customer)
export class CustomerAlertsResolver {
  constructor(private readonly alertService: AlertService) {}

  @ResolveField(() => [Alert], { description: 'Alerts and tasks about this customer, newest first / 客户预警' })
  @Allow(...HQ_ROLES)
  alerts(@Parent() customer: Customer, @Context() ctx: RequestContext, @Args('openOnly', { type: () => Boolean, nullable: true }) openOnly?: boolean | null): Promise<Alert[]> {
    return requestLoader<string, Alert[]>(ctx, 'alerts-by-customer', async (ids) => groupByKey(ids, await this.alertService.ofCustomers(ids), (a) => a.customerId!))
      .load(customer.id)
      .then((list) => (openOnly ? list.filter((a) => !a.resolvedAt) : list));
  }
}
