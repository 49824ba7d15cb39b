import { EventBackbone1795900000000, type MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- incentives <Name>`. */
import { Initial1795428036065 } from './1795428036065-Initial';
import { ScorecardLedger1795429616366 } from './1795429616366-ScorecardLedger';

/**
 * EventBackbone (outbox_event, inbox_record) comes from @lianxiao/platform. NB: the generator
 * rewrites this file from the files in this folder; put EventBackbone back after generating.
 */
export const migrations: MigrationClassList = [Initial1795428036065, ScorecardLedger1795429616366, EventBackbone1795900000000];
