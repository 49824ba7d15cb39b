import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertIdempotencyKey, Caller, DomainError, newId, OutboxWriter, payloadHash, withIdempotency } from '@lianxiao/platform';
import { assertValidDelta } from './points-arithmetic';
import { announcePointsChange } from './points-changed-event';
import { PointsAccount } from './points-account.entity';
import { PointsReason } from './points-entry.entity';
import { PointsService } from './points.service';

export interface AdjustPointsInput { dealerId: string; delta: number; note: string; idempotencyKey: string }

/** HQ corrections to a dealer's points, with a note; never below zero, announced like any movement. */
@Injectable()
export class PointsAdjustmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly points: PointsService,
    private readonly outbox: OutboxWriter,
  ) {}

  async adjust(caller: Caller, input: AdjustPointsInput): Promise<{ account: PointsAccount; replayed: boolean }> {
    assertValidDelta(input.delta);
    const note = input.note.trim();
    if (!note || note.length > 128) throw DomainError.validation([{ field: 'note', messageZh: '调整说明须为 1–128 字', messageEn: 'note must be 1–128 characters' }]);
    assertIdempotencyKey(input.idempotencyKey);
    const { replayed } = await this.db.transaction((tx) =>
      withIdempotency(tx, 'incentives.adjustPoints', input.idempotencyKey, payloadHash({ dealerId: input.dealerId, delta: input.delta, note }), async (m) => {
        const entryId = newId();
        const outcome = await this.points.recordIn(m, { dealerId: input.dealerId, delta: input.delta, reason: PointsReason.ADJUSTMENT, note }, entryId);
        if (!outcome.recorded) throw new Error('an adjustment has no source event and cannot be a duplicate');
        await announcePointsChange(this.outbox, m, { entryId, dealerId: input.dealerId, delta: input.delta, balance: outcome.balance, rule: PointsReason.ADJUSTMENT, note });
        return { entryId };
      }, caller.userId),
    );
    return { account: await this.db.getRepository(PointsAccount).findOneByOrFail({ dealerId: input.dealerId }), replayed };
  }
}
