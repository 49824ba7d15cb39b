import { IdempotencyRecord } from './idempotency-record.entity';

export * from './idempotency-record.entity';
export * from './with-idempotency';
export * from './idempotency-tables.migration';

/** Add to a service's entity list (and IdempotencyTables1795950000000 to its MySQL migrations). */
export const IDEMPOTENCY_ENTITIES = [IdempotencyRecord];
