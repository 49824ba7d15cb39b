import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';

@InputType({ description: 'Record an invoice / 登记发票' })
export class RecordInvoiceInput {
  @Field(() => ID) contractId: string;
  @Field({ description: 'Invoice number (发票号)' }) number: string;
  @Field(() => Float, { description: 'Yuan, > 0, at most 2 decimals' }) amount: number;
  @Field({ description: 'YYYY-MM-DD' }) issuedOn: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field({ description: 'Same key → the first result; same key with another payload → IDEMPOTENCY_KEY_REUSED' }) idempotencyKey: string;
}

@InputType({ description: 'Record a payment received / 登记回款' })
export class RecordPaymentInput {
  @Field(() => ID) contractId: string;
  @Field(() => Float, { description: 'Yuan, > 0, at most 2 decimals' }) amount: number;
  @Field({ description: 'YYYY-MM-DD' }) receivedOn: string;
  @Field(() => String, { nullable: true, description: 'Bank reference' }) reference?: string | null;
  @Field({ description: 'Same key → the first result; same key with another payload → IDEMPOTENCY_KEY_REUSED' }) idempotencyKey: string;
}

@ArgsType()
export class FinanceListArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) contractId?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month?: string;
}

@ObjectType()
export class InvoiceConnection extends Connection(Invoice) {}
@ObjectType()
export class PaymentConnection extends Connection(Payment) {}

@ObjectType({ description: 'First payment against the agreed due date; on time = at most 7 days late / 首付款及时性' })
export class FirstPaymentTimeliness {
  @Field(() => ID) contractId: string;
  @Field() contractNumber: string;
  @Field(() => ID) customerId: string;
  @Field(() => ID, { description: 'Sales rep who owns the contract (the scorecard subject)' }) ownerId: string;
  @Field() region: string;
  @Field(() => String, { nullable: true, description: 'Agreed first-payment due date' }) dueOn: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the first payment received' }) firstPaidOn: string | null;
  @Field(() => Int, { nullable: true, description: 'Days after the due date (negative = early); unpaid: days overdue so far' }) daysLate: number | null;
  @Field({ description: 'ON_TIME (≤ 7 days late), LATE, PENDING (unpaid, not yet 7 days past due), OVERDUE (unpaid, > 7 days), NO_DUE_DATE' }) status: string;
  @Field({ description: 'true when status is ON_TIME' }) onTime: boolean;
}

@ArgsType()
export class FirstPaymentArgs {
  @Field(() => String, { nullable: true, description: 'Only contracts whose due date is on or after (YYYY-MM-DD)' }) dueFrom?: string;
  @Field(() => String, { nullable: true, description: 'Only contracts whose due date is on or before (YYYY-MM-DD)' }) dueTo?: string;
  @Field(() => ID, { nullable: true, description: 'Only this rep’s contracts' }) ownerId?: string;
}

@InputType()
export class SetCustomerFinanceContactInput {
  @Field(() => ID) customerId: string;
  @Field() customerName: string;
  @Field() region: string;
  @Field() contactName: string;
  @Field() email: string;
}
