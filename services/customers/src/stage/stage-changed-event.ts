import type { EntityManager } from 'typeorm';
import { makeEvent, Topics } from '@lianxiao/contracts';
import { OutboxWriter } from '@lianxiao/platform';

const outbox = new OutboxWriter();
const DAY_MS = 24 * 60 * 60 * 1000;

export interface StageChangeFacts {
  customerId: string;
  ownerId: string;
  fromStage: string;
  toStage: string;
  toNode?: string | null;
  changedAt: Date;
  changedBy: { id: string; name: string };
  previousStageEnteredAt: Date;
}

/** Days between entering and leaving a stage, two decimals (time in stage, for analytics). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 100) / 100);
}

/**
 * Appends customers.stage-changed.v1 to the outbox inside the move's transaction, so the move and
 * its event commit or roll back together. Keyed by customer id (order per customer holds).
 */
export async function appendStageChanged(tx: EntityManager, facts: StageChangeFacts): Promise<void> {
  await outbox.append(
    tx,
    makeEvent({
      type: Topics.stageChanged,
      source: '/lianxiao/customers',
      subject: facts.customerId,
      data: {
        customerId: facts.customerId,
        fromStage: facts.fromStage,
        toStage: facts.toStage,
        ...(facts.toNode ? { toNode: facts.toNode } : {}),
        ownerId: facts.ownerId,
        changedAt: facts.changedAt.toISOString(),
        changedBy: { id: facts.changedBy.id, name: facts.changedBy.name.slice(0, 64) || facts.changedBy.id },
        previousStageEnteredAt: new Date(facts.previousStageEnteredAt).toISOString(),
        daysInPreviousStage: daysBetween(new Date(facts.previousStageEnteredAt), facts.changedAt),
      },
    }),
  );
}
