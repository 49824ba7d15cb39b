/** MySQL migrations in order; generated with `npm run migration:generate -- dealers <Name>`. */
import { AuditTables1795960000000, EventBackbone1795900000000, IdempotencyTables1795950000000, type MigrationClassList } from '@lianxiao/platform';
import { InitialSchema1795428045270 } from './1795428045270-InitialSchema';
import { SellThroughTargetsCatalogue1795429093811 } from './1795429093811-SellThroughTargetsCatalogue';
import { StockTransfersDisputes1795437943965 } from './1795437943965-StockTransfersDisputes';
import { DealerProfiles1795446366302 } from './1795446366302-DealerProfiles';
import { TargetLinesPromotionPlans1795446436448 } from './1795446436448-TargetLinesPromotionPlans';

export const migrations: MigrationClassList = [
  InitialSchema1795428045270,
  SellThroughTargetsCatalogue1795429093811,
  EventBackbone1795900000000,
  IdempotencyTables1795950000000,
  AuditTables1795960000000,
  StockTransfersDisputes1795437943965,
  DealerProfiles1795446366302,
  TargetLinesPromotionPlans1795446436448,
];
