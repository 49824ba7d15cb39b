import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, In, InsertEvent, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { createLogger } from '@lianxiao/platform';
import { Evidence, FollowUp, FollowUpVersion, NodeCompletion, StageTransition } from '../pipeline/pipeline.entities';
import { AlertService } from './alert.service';

/** Above this many customers in one batch the write is a bulk load, evaluated by the next sweep instead. */
const MAX_CHANGED_PER_BATCH = 200;

/** Writes that can change a customer's alerts, and how to find the customer from the row. */
const WATCHED: [abstract new (...args: never[]) => object, (row: Record<string, unknown>) => { customerId?: string; followUpId?: string }][] = [
  [FollowUp, (r) => ({ customerId: r.customerId as string })],
  [FollowUpVersion, (r) => ({ followUpId: r.followUpId as string })],
  [Evidence, (r) => ({ customerId: r.customerId as string })],
  [StageTransition, (r) => ({ customerId: r.customerId as string })],
  [NodeCompletion, (r) => ({ customerId: r.customerId as string })],
];

/**
 * "Evaluated on change": collects the customers touched by follow-ups, evidence, node completions
 * and stage moves, and once their transaction has committed evaluates the rules for them (in the
 * background; a failure is logged, the write stands).
 */
@Injectable()
export class AlertChangeSubscriber implements EntitySubscriberInterface, OnModuleInit {
  private readonly log = createLogger('customers.alerts');
  private readonly pendingByRunner = new WeakMap<QueryRunner, { customers: Set<string>; followUps: Set<string> }>();
  /** Customers and follow-ups changed since the last flush, each with the wall-clock time of its latest change. */
  private queued = { customers: new Map<string, number>(), followUps: new Map<string, number>() };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly alerts: AlertService,
  ) {}

  onModuleInit(): void {
    if (!this.db.subscribers.includes(this)) this.db.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<Record<string, unknown>>): void {
    const watched = WATCHED.find(([target]) => event.metadata.target === target);
    if (!watched || !event.entity) return;
    const ids = watched[1](event.entity);
    if (event.queryRunner.isTransactionActive) {
      let pending = this.pendingByRunner.get(event.queryRunner);
      if (!pending) this.pendingByRunner.set(event.queryRunner, (pending = { customers: new Set(), followUps: new Set() }));
      if (ids.customerId) pending.customers.add(ids.customerId);
      if (ids.followUpId) pending.followUps.add(ids.followUpId);
    } else {
      this.enqueue(ids.customerId ? [ids.customerId] : [], ids.followUpId ? [ids.followUpId] : []);
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const pending = this.pendingByRunner.get(event.queryRunner);
    if (!pending) return;
    this.pendingByRunner.delete(event.queryRunner);
    this.enqueue([...pending.customers], [...pending.followUps]);
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    this.pendingByRunner.delete(event.queryRunner);
  }

  /** Resolves when everything queued so far has been evaluated (tests, shutdown). */
  async drain(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flush();
    }
    await this.running;
  }

  private enqueue(customerIds: string[], followUpIds: string[]): void {
    const now = Date.now();
    customerIds.forEach((id) => this.queued.customers.set(id, now));
    followUpIds.forEach((id) => this.queued.followUps.set(id, now));
    // A short debounce folds the rows of one request (follow-up + version + customer) into one evaluation.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, 25);
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = { customers: new Map(), followUps: new Map() };
    this.running = this.running.then(async () => {
      try {
        // Bulk writes (seeding, imports) are left to the periodic sweep: on-change is for a person's edits.
        if (batch.customers.size + batch.followUps.size > MAX_CHANGED_PER_BATCH) return;
        const changedAt = new Map(batch.customers);
        if (batch.followUps.size) {
          const rows = await this.db.getRepository(FollowUp).find({ select: { id: true, customerId: true }, where: { id: In([...batch.followUps.keys()]) } });
          for (const r of rows) changedAt.set(r.customerId, Math.max(changedAt.get(r.customerId) ?? 0, batch.followUps.get(r.id)!));
        }
        if (changedAt.size) {
          await this.alerts.sweep({ customerIds: [...changedAt.keys()], mode: 'change', changedAt: new Map([...changedAt].map(([id, ms]) => [id, new Date(ms)])) });
        }
      } catch (error) {
        this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'alert evaluation after a change failed');
      }
    });
  }
}
