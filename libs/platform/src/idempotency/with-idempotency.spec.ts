import { DataSource } from 'typeorm';
import { DomainError } from '../errors';
import { IdempotencyRecord } from './idempotency-record.entity';
import { payloadHash, withIdempotency } from './with-idempotency';

describe('withIdempotency', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [IdempotencyRecord], synchronize: true });
    await dataSource.initialize();
  });
  afterEach(() => dataSource.destroy());

  it('runs the effect once and answers the first result to a retry with the same key', async () => {
    let effects = 0;
    const call = () =>
      dataSource.transaction((m) =>
        withIdempotency(m, 'payments.record', 'key-00000001', payloadHash({ amount: 10, b: 1 }), async () => ({ paymentId: `p${++effects}` })),
      );
    expect(await call()).toEqual({ result: { paymentId: 'p1' }, replayed: false });
    expect(await call()).toEqual({ result: { paymentId: 'p1' }, replayed: true });
    expect(effects).toBe(1);
  });

  it('refuses the same key with another payload, and keys are per scope', async () => {
    await dataSource.transaction((m) => withIdempotency(m, 's1', 'key-00000002', payloadHash({ a: 1 }), async () => 1));
    const reuse = dataSource.transaction((m) => withIdempotency(m, 's1', 'key-00000002', payloadHash({ a: 2 }), async () => 2));
    await expect(reuse).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(reuse).rejects.toBeInstanceOf(DomainError);
    const other = await dataSource.transaction((m) => withIdempotency(m, 's2', 'key-00000002', payloadHash({ a: 2 }), async () => 2));
    expect(other).toEqual({ result: 2, replayed: false });
  });

  it('forgets the key when the effect rolls back, and refuses malformed keys', async () => {
    await expect(
      dataSource.transaction((m) => withIdempotency(m, 's', 'key-00000003', 'h', async () => { throw new Error('boom'); })),
    ).rejects.toThrow('boom');
    expect(await dataSource.getRepository(IdempotencyRecord).count()).toBe(0);
    await expect(dataSource.transaction((m) => withIdempotency(m, 's', 'x', 'h', async () => 1))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
  });

  it('hashes payloads independent of key order', () => {
    expect(payloadHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(payloadHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
  });
});
