import { Args, Context, Float, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Contract } from '../contract/contract.entity';
import { CustomerRef } from '../customer-ref/customer-ref.type';
import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';
import { CustomerFinanceContact } from './customer-finance-contact.entity';
import { FinanceAlert } from './finance-alert.entity';
import { FinanceContactService } from './finance-contact.service';
import {
  FinanceListArgs, FirstPaymentArgs, FirstPaymentTimeliness, InvoiceConnection, PaymentConnection, RecordInvoiceInput, RecordPaymentInput, SetCustomerFinanceContactInput,
} from './finance.dto';
import { FinanceLedgerService, firstPaymentTimeliness } from './finance-ledger.service';
import { StatementService } from '../statement/statement.service';

/** Who records money: finance (and admin). */
export const FINANCE_WRITERS = [Role.FINANCE, Role.ADMIN] as const;
/** Who reads invoices, payments, DSO: finance, management, and sales in their own scope. */
export const FINANCE_READERS = [Role.FINANCE, Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR, Role.REP] as const;
/** Who reads finance alerts. */
export const FINANCE_ALERT_READERS = [Role.FINANCE, Role.DIRECTOR, Role.ADMIN] as const;

@Resolver(() => Invoice)
export class FinanceResolver {
  constructor(
    private readonly ledger: FinanceLedgerService,
    private readonly contacts: FinanceContactService,
    private readonly statements: StatementService,
  ) {}

  @Query(() => InvoiceConnection, { description: 'Invoices, newest first (reps their own contracts, supervisors their region) / 发票列表' })
  @Allow(...FINANCE_READERS)
  invoices(@CurrentCaller() caller: Caller, @Args() args: FinanceListArgs): Promise<InvoiceConnection> {
    return this.ledger.listInvoices(caller, args);
  }

  @Query(() => PaymentConnection, { description: 'Payments received, newest first / 回款列表' })
  @Allow(...FINANCE_READERS)
  payments(@CurrentCaller() caller: Caller, @Args() args: FinanceListArgs): Promise<PaymentConnection> {
    return this.ledger.listPayments(caller, args);
  }

  @Mutation(() => Invoice, { description: 'Record an invoice against a signed contract (idempotent by key) / 登记发票' })
  @Allow(...FINANCE_WRITERS)
  recordInvoice(@CurrentCaller() caller: Caller, @Args('input') input: RecordInvoiceInput): Promise<Invoice> {
    return this.ledger.recordInvoice(caller, input);
  }

  @Mutation(() => Payment, { description: 'Record a payment against a signed contract (idempotent by key; over-payment refused) / 登记回款' })
  @Allow(...FINANCE_WRITERS)
  recordPayment(@CurrentCaller() caller: Caller, @Args('input') input: RecordPaymentInput): Promise<Payment> {
    return this.ledger.recordPayment(caller, input);
  }

  @Query(() => [FirstPaymentTimeliness], { description: 'First payment vs the agreed due date per signed contract, for the scorecard (≤ 7 days late = on time) / 首付款及时性' })
  @Allow(...FINANCE_READERS)
  firstPaymentTimeliness(@CurrentCaller() caller: Caller, @Args() args: FirstPaymentArgs): Promise<FirstPaymentTimeliness[]> {
    return this.ledger.firstPayments(caller, args);
  }

  @Query(() => [FinanceAlert], { description: 'Finance alerts, newest first (statement deviations > 5%, disputes) / 财务预警' })
  @Allow(...FINANCE_ALERT_READERS)
  financeAlerts(@CurrentCaller() caller: Caller, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<FinanceAlert[]> {
    return this.statements.alerts(caller, first);
  }

  @Query(() => [CustomerFinanceContact], { description: "Customers' finance contacts (statement recipients) / 客户财务联系人" })
  @Allow(Role.FINANCE, Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR)
  customerFinanceContacts(@CurrentCaller() caller: Caller, @Args('search', { type: () => String, nullable: true }) search?: string): Promise<CustomerFinanceContact[]> {
    return this.contacts.list(caller, search);
  }

  @Mutation(() => CustomerFinanceContact, { description: "Set who receives a customer's statements / 设置客户财务联系人" })
  @Allow(...FINANCE_WRITERS)
  setCustomerFinanceContact(@Args('input') input: SetCustomerFinanceContactInput): Promise<CustomerFinanceContact> {
    return this.contacts.set(input);
  }

  @ResolveField('customer', () => CustomerRef, { description: 'The customer, resolved by the customers subgraph' })
  @Allow(...FINANCE_READERS)
  customer(@Parent() invoice: Invoice): CustomerRef {
    return { id: invoice.customerId };
  }
}

@Resolver(() => Payment)
export class PaymentFieldsResolver {
  @ResolveField('customer', () => CustomerRef, { description: 'The customer, resolved by the customers subgraph' })
  @Allow(...FINANCE_READERS)
  customer(@Parent() payment: Payment): CustomerRef {
    return { id: payment.customerId };
  }
}

/** Finance fields on the contract: the first-payment timeliness the scorecard reads. */
@Resolver(() => Contract)
export class ContractFinanceResolver {
  constructor(private readonly ledger: FinanceLedgerService) {}

  @ResolveField('firstPayment', () => FirstPaymentTimeliness, { description: 'First payment vs the agreed due date (≤ 7 days late = on time) / 首付款及时性' })
  @Allow(...HQ_ROLES)
  firstPayment(@Parent() contract: Contract, @Context() ctx: RequestContext): Promise<FirstPaymentTimeliness> {
    return requestLoader<string, string | null>(ctx, 'first-paid-on-by-contract', async (ids) => {
      const firsts = await this.ledger.firstPaidOnByContract(ids);
      return ids.map((id) => firsts.get(id) ?? null);
    })
      .load(contract.id)
      .then((firstPaidOn) => firstPaymentTimeliness(contract, firstPaidOn, new Date().toISOString().slice(0, 10)));
  }

  @ResolveField('invoicedAmount', () => Float, { nullable: true, description: 'Invoiced so far against the contract (yuan) / 已开票金额' })
  @Allow(...FINANCE_READERS)
  invoicedAmount(@Parent() contract: Contract, @Context() ctx: RequestContext): Promise<number> {
    return this.totals(ctx).load(contract.id).then((t) => t.invoiced);
  }

  @ResolveField('paidAmount', () => Float, { nullable: true, description: 'Received so far against the contract (yuan) / 已回款金额' })
  @Allow(...FINANCE_READERS)
  paidAmount(@Parent() contract: Contract, @Context() ctx: RequestContext): Promise<number> {
    return this.totals(ctx).load(contract.id).then((t) => t.paid);
  }

  private totals(ctx: RequestContext) {
    return requestLoader<string, { invoiced: number; paid: number }>(ctx, 'finance-totals-by-contract', async (ids) => {
      const totals = await this.ledger.totalsByContract(ids);
      return ids.map((id) => totals.get(id) ?? { invoiced: 0, paid: 0 });
    });
  }
}
