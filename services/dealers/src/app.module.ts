import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_ENTITIES, EVENT_ENTITIES, IDEMPOTENCY_ENTITIES, EventsModule, PlatformModule, ServiceConfig } from '@lianxiao/platform';
import { Dealer, DealerContact, DealerModule, Territory } from './dealer';
import { CatalogueModule, Sku } from './catalogue';
import { DealerTarget, DealerTargetLine, DealerTargetSplit, TargetModule } from './target';
import { PromotionModule, PromotionPlan } from './promotion';
import { SellThroughModule, SellThroughReceipt } from './sell-through';
import { FlagDispute } from './sell-through/flag-dispute.entity';
import { StockLine, StockModule, StockThreshold, StockTransfer, StockUpload } from './stock';
import { AttainmentModule } from './attainment';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const DEALERS_ENTITIES = [Dealer, DealerContact, Territory, Sku, DealerTarget, DealerTargetSplit, DealerTargetLine, PromotionPlan, SellThroughReceipt, FlagDispute, StockUpload, StockLine, StockThreshold, StockTransfer, ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES, ...AUDIT_ENTITIES];

@Module({})
export class DealersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: DealersAppModule,
      imports: [PlatformModule.forService({ config, entities: DEALERS_ENTITIES, migrations }), EventsModule.forService(config), DealerModule, CatalogueModule, TargetModule, SellThroughModule, StockModule, AttainmentModule, PromotionModule],
      providers: [DemoSeedService],
    };
  }
}
