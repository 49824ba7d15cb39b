import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_ENTITIES, EVENT_ENTITIES, IDEMPOTENCY_ENTITIES, EventsModule, PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { PointsAccount, PointsEntry, PointsModule } from './points';
import { DealerRefModule } from './dealer-ref';
import { CustomerHealth, CustomerHealthModule } from './customer-health';
import { ContractScore, LedgerModule, PointsEarnRule } from './ledger';
import { SCORECARD_ENTITIES, ScorecardModule } from './scorecard';
import { Redemption, RedemptionItem, RedemptionModule } from './redemption';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const INCENTIVES_ENTITIES = [PointsAccount, PointsEntry, CustomerHealth, ContractScore, PointsEarnRule, RedemptionItem, Redemption, ...SCORECARD_ENTITIES, ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES, ...AUDIT_ENTITIES];

@Module({})
export class IncentivesAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: IncentivesAppModule,
      imports: [
        PlatformModule.forService({ config, entities: INCENTIVES_ENTITIES, migrations }),
        EventsModule.forService(config),
        PointsModule,
        LedgerModule,
        DealerRefModule,
        CustomerHealthModule,
        ScorecardModule,
        RedemptionModule,
      ],
      providers: [DemoSeedService],
    };
  }
}
