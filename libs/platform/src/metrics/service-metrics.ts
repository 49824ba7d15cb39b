import type { DataSource } from 'typeorm';
import { InboxConsumer } from '../events/inbox-consumer';
import type { OutboxRelay } from '../events/outbox-relay';
import { counter, gauge } from './registry';

export interface ServiceMetricSources {
  dataSource?: DataSource;
  relay?: OutboxRelay;
}

const sources = new Map<string, ServiceMetricSources>();
let registered = false;

interface PoolLike {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

/** mysql2's pool as TypeORM holds it; undefined for SQLite (one connection, no pool). */
function poolOf(dataSource: DataSource | undefined): PoolLike | undefined {
  if (!dataSource?.isInitialized) return undefined;
  const driver = dataSource.driver as unknown as { pool?: PoolLike };
  return driver.pool;
}

/**
 * Registers what a service reports on /metrics besides requests: its database pool, its outbox
 * (backlog, lag, relay state) and the inbox consumers of the thread. All read at scrape time.
 */
export function registerServiceMetrics(service: string, from: ServiceMetricSources): void {
  sources.set(service, from);
  if (registered) return;
  registered = true;

  gauge({
    name: 'lianxiao_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle, waiting = requests queued for a connection, limit); MySQL/MariaDB only',
    labelNames: ['service', 'state'],
    collect() {
      this.reset();
      for (const [name, { dataSource }] of sources) {
        const pool = poolOf(dataSource);
        if (!pool) continue;
        const all = pool._allConnections?.length ?? 0;
        const idle = pool._freeConnections?.length ?? 0;
        this.set({ service: name, state: 'in_use' }, all - idle);
        this.set({ service: name, state: 'idle' }, idle);
        this.set({ service: name, state: 'waiting' }, pool._connectionQueue?.length ?? 0);
        if (pool.config?.connectionLimit) this.set({ service: name, state: 'limit' }, pool.config.connectionLimit);
      }
    },
  });

  gauge({
    name: 'lianxiao_outbox_backlog',
    help: 'Outbox rows not yet published to the event transport',
    labelNames: ['service'],
    async collect() {
      this.reset();
      for (const [name, { relay }] of sources) if (relay) this.set({ service: name }, await relay.backlog().catch(() => -1));
    },
  });
  gauge({
    name: 'lianxiao_outbox_lag_seconds',
    help: 'Age of the oldest unpublished outbox row (0 when drained): the relay lag',
    labelNames: ['service'],
    async collect() {
      this.reset();
      for (const [name, { relay }] of sources) if (relay) this.set({ service: name }, (await relay.lagMs().catch(() => -1000)) / 1000);
    },
  });
  gauge({
    name: 'lianxiao_outbox_relay_consecutive_failures',
    help: 'Failed publishing rounds in a row (0 when the broker acknowledges)',
    labelNames: ['service'],
    collect() {
      this.reset();
      for (const [name, { relay }] of sources) if (relay) this.set({ service: name }, relay.status().consecutiveFailures);
    },
  });
  counter({
    name: 'lianxiao_outbox_published_total',
    help: 'Outbox rows this process published and marked since it started',
    labelNames: ['service'],
    collect() {
      this.reset();
      for (const [name, { relay }] of sources) if (relay) this.inc({ service: name }, relay.status().published);
    },
  });

  counter({
    name: 'lianxiao_inbox_events_total',
    help: 'Events taken by inbox consumers by outcome: handled, duplicate (redelivery, no effect), dead_lettered (to <topic>.dlq)',
    labelNames: ['consumer', 'outcome'],
    collect() {
      this.reset();
      for (const consumer of InboxConsumer.all()) {
        const stats = consumer.stats();
        this.inc({ consumer: consumer.name, outcome: 'handled' }, stats.handled);
        this.inc({ consumer: consumer.name, outcome: 'duplicate' }, stats.duplicates);
        this.inc({ consumer: consumer.name, outcome: 'dead_lettered' }, stats.deadLettered);
      }
    },
  });
  counter({
    name: 'lianxiao_inbox_retries_total',
    help: 'Handler failures that were retried with back-off',
    labelNames: ['consumer'],
    collect() {
      this.reset();
      for (const consumer of InboxConsumer.all()) this.inc({ consumer: consumer.name }, consumer.stats().retries);
    },
  });
  gauge({
    name: 'lianxiao_inbox_event_age_seconds',
    help: 'Consumer lag: how old the last handled event was (from its CloudEvent time) when it was handled',
    labelNames: ['consumer'],
    collect() {
      this.reset();
      for (const consumer of InboxConsumer.all()) {
        const lag = consumer.lagMs();
        if (lag !== null) this.set({ consumer: consumer.name }, lag / 1000);
      }
    },
  });
}
