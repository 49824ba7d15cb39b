/** MySQL migrations in order; generated with `npm run migration:generate -- orders <Name>`. */
import { AuditTables1795960000000, EventBackbone1795900000000, IdempotencyTables1795950000000, SchedulingLease1795900000100, type MigrationClassList } from '@lianxiao/platform';
import { Initial1795428035173 } from './1795428035173-Initial';
import { TicketWorkflowAndSigning1795429313871 } from './1795429313871-TicketWorkflowAndSigning';
import { WidenTicketStatus1795429860295 } from './1795429860295-WidenTicketStatus';
import { FinanceLedger1795436527523 } from './1795436527523-FinanceLedger';
import { ContractSignedAndQueue1795437788376 } from './1795437788376-ContractSignedAndQueue';

export const migrations: MigrationClassList = [Initial1795428035173, TicketWorkflowAndSigning1795429313871, WidenTicketStatus1795429860295, FinanceLedger1795436527523, ContractSignedAndQueue1795437788376, EventBackbone1795900000000, SchedulingLease1795900000100, IdempotencyTables1795950000000, AuditTables1795960000000];
