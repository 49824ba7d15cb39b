import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig, stableId } from '@lianxiao/platform';
import { DEMO_NOW, demoWorld, SeededRandom, STAGE_CODES } from '@lianxiao/demo-data';
import { FollowUp, FollowUpType, FollowUpVersion, StageTransition } from '../pipeline';
import { pipelineHistory } from './analytics-history';

const CHUNK = 200;

/**
 * First embedded start: stage moves and follow-ups (with obstacles) for the demo customers, so the
 * funnel's time in stage, the word cloud and the payment-risk list have data. Built from the pure
 * demo world (not from the customer rows, which may be seeded after this runs). Skipped when any
 * follow-up or stage move exists.
 */
@Injectable()
export class AnalyticsDemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('customers.analytics-seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(FollowUp).count()) > 0 || (await this.db.getRepository(StageTransition).count()) > 0) return;
    const r = new SeededRandom(9_2026);
    const transitions: StageTransition[] = [];
    const followUps: FollowUp[] = [];
    for (const c of demoWorld().customers) {
      const h = pipelineHistory(
        { id: c.id, ownerId: c.ownerId, stage: c.stage, stageEnteredAt: new Date(c.stageEnteredAt), createdAt: new Date(c.createdAt) },
        STAGE_CODES, r,
        { now: new Date(DEMO_NOW), followUps: [2, 6], riskShare: 0.05, newId: (kind, key) => stableId(`demo-${kind}`, key) },
      );
      transitions.push(...h.transitions);
      followUps.push(...h.followUps.map((f) => ({
        ...f, type: f.type as FollowUpType, latitude: null, longitude: null, editedBy: null, editedAt: null, version: 1,
      })));
    }
    const versions: FollowUpVersion[] = followUps.map((f) => ({
      id: stableId('demo-follow-up-version', f.id), followUpId: f.id, version: 1, type: f.type, summary: f.summary, obstacle: f.obstacle,
      nextAction: f.nextAction, nextActionDate: f.nextActionDate, latitude: null, longitude: null, authoredBy: f.createdBy, authoredAt: f.createdAt,
    }));
    await this.db.transaction(async (tx) => {
      for (const [target, rows] of [[StageTransition, transitions], [FollowUp, followUps], [FollowUpVersion, versions]] as const) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await tx.createQueryBuilder().insert().into(target).values(rows.slice(i, i + CHUNK) as never).updateEntity(false).execute();
        }
      }
    });
    this.logger.info({ transitions: transitions.length, followUps: followUps.length }, 'demo pipeline history seeded');
  }
}
