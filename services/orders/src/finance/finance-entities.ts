import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';
import { Statement } from '../statement/statement.entity';
import { CustomerFinanceContact } from './customer-finance-contact.entity';
import { FinanceAlert } from './finance-alert.entity';

export const FINANCE_ENTITIES = [Invoice, Payment, Statement, CustomerFinanceContact, FinanceAlert];
