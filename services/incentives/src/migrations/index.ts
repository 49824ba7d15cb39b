import { AuditTables1795960000000, EventBackbone1795900000000, IdempotencyTables1795950000000, type MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- incentives <Name>`. */
import { Initial1795428036065 } from './1795428036065-Initial';
import { ScorecardLedger1795429616366 } from './1795429616366-ScorecardLedger';
import { Scorecards1795437383281 } from './1795437383281-Scorecards';
import { Redemption1795437977108 } from './1795437977108-Redemption';

/**
 * EventBackbone (outbox_event, inbox_record), IdempotencyTables and AuditTables come from
 * @lianxiao/platform. NB: the generator rewrites this file from the files in this folder; put
 * them back after generating.
 */
export const migrations: MigrationClassList = [
  Initial1795428036065,
  ScorecardLedger1795429616366,
  Scorecards1795437383281,
  EventBackbone1795900000000,
  IdempotencyTables1795950000000,
  AuditTables1795960000000,
  Redemption1795437977108,
];
