import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';
import { Contact, Customer, pinyinInitialsOf } from '../customer';
import { conditionsOf, DEFAULT_STAGE_MODEL, Stage, StageNode } from '../stage';

/** Rows per INSERT: well under SQLite's bound-parameter limit and MariaDB's packet size. */
const CHUNK = 200;

/** First embedded start: the stage model, the 320 demo customers and their contacts. Idempotent. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('customers.seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(Stage).count()) > 0 || (await this.db.getRepository(Customer).count()) > 0) return;
    const started = Date.now();
    const world = demoWorld();
    const ownerNames = new Map(world.users.map((u) => [u.id, u.displayName]));
    const stages: Stage[] = DEFAULT_STAGE_MODEL.map((s, i) => ({
      code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, order: i + 1, nodes: [],
      optional: s.optional ?? false, entryConditions: conditionsOf(s.entry), exitConditions: conditionsOf(s.exit),
    }));
    const nodes: StageNode[] = DEFAULT_STAGE_MODEL.flatMap((s) =>
      s.nodes.map((n, i) => ({ code: n.code, stageCode: s.code, nameZh: n.nameZh, nameEn: n.nameEn, order: i + 1 })),
    );
    const nodesOfStage = new Map(DEFAULT_STAGE_MODEL.map((s) => [s.code as string, s.nodes.map((n) => n.code)]));
    const customers: Customer[] = world.customers.map((c, i) => {
      const stageNodes = nodesOfStage.get(c.stage) ?? [];
      return {
        id: c.id, name: c.name, creditCode: c.creditCode, industry: c.industry, region: c.region,
        provinceCode: c.provinceCode, city: c.city, channel: c.channel, productLines: c.productLines,
        ownerId: c.ownerId, ownerName: ownerNames.get(c.ownerId) ?? null,
        stage: c.stage, node: stageNodes[i % stageNodes.length],
        stageEnteredAt: new Date(c.stageEnteredAt), lastInteractionAt: new Date(c.lastInteractionAt),
        nextActionDate: c.nextActionDate, contractedAmount: c.contractedAmount, phone: c.phone,
        namePinyinInitials: pinyinInitialsOf(c.name),
        createdAt: new Date(c.createdAt), updatedAt: new Date(c.lastInteractionAt),
      };
    });
    const contacts: Contact[] = world.customers.flatMap((c) =>
      c.contacts.map((ct) => ({ ...ct, customerId: c.id, createdAt: new Date(c.createdAt) })),
    );
    await this.db.transaction(async (tx) => {
      await insertInChunks(tx, Stage, stages.map(({ nodes: _nodes, ...row }) => row));
      await insertInChunks(tx, StageNode, nodes);
      await insertInChunks(tx, Customer, customers);
      await insertInChunks(tx, Contact, contacts);
    });
    this.logger.info({ stages: stages.length, nodes: nodes.length, customers: customers.length, contacts: contacts.length, ms: Date.now() - started }, 'demo customers seeded');
  }
}

async function insertInChunks<T extends ObjectLiteral>(tx: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.createQueryBuilder().insert().into(target).values(rows.slice(i, i + CHUNK)).updateEntity(false).execute();
  }
}
