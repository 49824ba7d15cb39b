import { Module } from '@nestjs/common';
import { DsoResolver } from '../dso/dso.resolver';
import { DsoService } from '../dso/dso.service';
import { StatementResolver } from '../statement/statement.resolver';
import { StatementService } from '../statement/statement.service';
import { StatementSchedule } from '../statement/statement-schedule';
import { FinanceContactService } from './finance-contact.service';
import { FinanceLedgerService } from './finance-ledger.service';
import { ContractFinanceResolver, FinanceResolver, PaymentFieldsResolver } from './finance.resolver';

/** Invoices, payments, first-payment timeliness, monthly statements, DSO and ageing. */
@Module({
  providers: [
    FinanceLedgerService, FinanceContactService, StatementService, StatementSchedule, DsoService,
    FinanceResolver, PaymentFieldsResolver, ContractFinanceResolver, StatementResolver, DsoResolver,
  ],
  exports: [StatementService],
})
export class FinanceModule {}
