import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { DEMO_NOW, demoWorld } from '@lianxiao/demo-data';
import { PointsAccount, PointsEntry } from '../points';
import { CustomerHealth, demoHealthScore } from '../customer-health';
import { demoPoints } from './demo-points';

const CHUNK = 100;

async function insertInChunks<T extends ObjectLiteral>(tx: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.getRepository(target).insert(rows.slice(i, i + CHUNK) as T[]);
  }
}

/** First embedded start: a points account and ledger per demo dealer, a health row per customer. Idempotent. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('incentives.seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(PointsAccount).count()) > 0) return;
    const world = demoWorld();
    const { accounts, entries } = demoPoints(world.dealers);
    const health: Partial<CustomerHealth>[] = world.customers.map((c) => ({ customerId: c.id, score: demoHealthScore(c, DEMO_NOW) }));
    await this.db.transaction(async (tx) => {
      await insertInChunks(tx, PointsAccount, accounts);
      await insertInChunks(tx, PointsEntry, entries);
      await insertInChunks(tx, CustomerHealth, health);
    });
    this.logger.info({ accounts: accounts.length, entries: entries.length, customerHealth: health.length }, 'demo points and customer health seeded');
  }
}
