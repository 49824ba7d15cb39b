import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig, stableId } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';
import { Dealer, Territory } from '../dealer';

/** First embedded start: the 37 demo dealers and their territories. Idempotent. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('dealers.seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(Dealer).count()) > 0) return;
    const world = demoWorld();
    await this.db.transaction(async (tx) => {
      for (const d of world.dealers) {
        await tx.getRepository(Dealer).insert({ id: d.id, code: d.code, name: d.name, tier: d.tier, region: d.region, contactName: d.contactName, phone: d.phone });
        await tx.getRepository(Territory).insert(
          d.territories.map((t, i) => ({ id: stableId('territory', `${d.code}-${i}`), dealerId: d.id, ...t })),
        );
      }
    });
    this.logger.info({ dealers: world.dealers.length }, 'demo dealers seeded');
  }
}
