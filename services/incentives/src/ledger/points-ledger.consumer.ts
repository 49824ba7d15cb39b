import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, EVENT_TRANSPORT, EventTransport, InboxConsumer, OutboxRelay, OutboxWriter } from '@lianxiao/platform';
import { PointsService } from '../points/points.service';
import { ensureEarnRules } from './earn-rules.seed';
import { POINTS_LEDGER_CONSUMER, POINTS_LEDGER_TOPICS, pointsLedgerHandler } from './points-ledger.handler';

/**
 * Starts the `incentives.points-ledger` inbox consumer once the earn rules are in place. Its
 * effects (ledger entry, balance, ContractScore, points-changed outbox row) commit with the
 * inbox record, so a redelivered event changes nothing.
 */
@Injectable()
export class PointsLedgerConsumer implements OnApplicationBootstrap {
  private readonly log = createLogger('incentives.points-ledger');
  private consumer: InboxConsumer | undefined;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly points: PointsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const added = await ensureEarnRules(this.db.manager);
    if (added) this.log.info({ added }, 'points earn rules seeded');
    this.consumer = new InboxConsumer(this.db, this.transport, {
      consumer: POINTS_LEDGER_CONSUMER,
      topics: POINTS_LEDGER_TOPICS,
      handler: pointsLedgerHandler(this.points, this.outbox, (effect) => {
        // Publish the points-changed row soon after the inbox transaction commits.
        if (effect.kind === 'points-credited') setTimeout(() => this.relay.wake(), 0);
      }),
    });
    await this.consumer.start();
    this.log.info({ topics: POINTS_LEDGER_TOPICS }, 'points ledger consumer started');
  }

  stats() {
    return this.consumer?.stats();
  }
}
