/** MySQL migrations in order; generated with `npm run migration:generate -- customers <Name>`. */
import { AuditTables1795960000000, EventBackbone1795900000000, IdempotencyTables1795950000000, SchedulingLease1795900000100, type MigrationClassList } from '@lianxiao/platform';
import { CreateCustomerMaster1795428025008 } from './1795428025008-CreateCustomerMaster';
import { StagePipeline1795429279027 } from './1795429279027-StagePipeline';
import { AlertsAndStageVersions1795437248581 } from './1795437248581-AlertsAndStageVersions';
import { AnalyticsIndexes1795437491162 } from './1795437491162-AnalyticsIndexes';
import { DedupeAndImport1795437719107 } from './1795437719107-DedupeAndImport';
import { ContractSignal1795437841474 } from './1795437841474-ContractSignal';
import { AnalyticsCoveringIndexes1795970000000 } from './1795970000000-AnalyticsCoveringIndexes';
import { StageEnteredAtMillis1795970000100 } from './1795970000100-StageEnteredAtMillis';

export const migrations: MigrationClassList = [CreateCustomerMaster1795428025008, StagePipeline1795429279027, AlertsAndStageVersions1795437248581, AnalyticsIndexes1795437491162, DedupeAndImport1795437719107, ContractSignal1795437841474, AnalyticsCoveringIndexes1795970000000, StageEnteredAtMillis1795970000100, EventBackbone1795900000000, IdempotencyTables1795950000000, AuditTables1795960000000, SchedulingLease1795900000100];
