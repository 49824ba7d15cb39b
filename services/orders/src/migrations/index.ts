/** MySQL migrations in order; generated with `npm run migration:generate -- orders <Name>`. */
import type { MigrationClassList } from '@lianxiao/platform';
import { Initial1795428035173 } from './1795428035173-Initial';
import { TicketWorkflowAndSigning1795429313871 } from './1795429313871-TicketWorkflowAndSigning';
import { WidenTicketStatus1795429860295 } from './1795429860295-WidenTicketStatus';

export const migrations: MigrationClassList = [Initial1795428035173, TicketWorkflowAndSigning1795429313871, WidenTicketStatus1795429860295];
