import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { RedemptionItem } from './redemption-item.entity';
import { demoRedemptionItems } from './redemption-catalogue';

/** First embedded start: the demo catalogue of marketing materials. Idempotent. */
@Injectable()
export class RedemptionSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('incentives.redemption-seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(RedemptionItem).count()) > 0) return;
    const items = demoRedemptionItems();
    await this.db.getRepository(RedemptionItem).insert(items);
    this.logger.info({ items: items.length }, 'demo redemption catalogue seeded');
  }
}
