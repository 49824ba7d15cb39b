import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { makeEvent, OrderStatusChangedV1, Topics } from '@lianxiao/contracts';
import type { Logger } from '../src/logging';
import { OutboxWriter } from '../src/events/outbox-writer';

/** The ten statuses an order goes through; version n has status n - 1. */
export const ORDER_STATUSES = ['CREATED', 'SCHEDULED', 'IN_PRODUCTION', 'INSPECTED', 'PACKED', 'SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'INVOICED', 'CLOSED'];

/** The "service" table the users of the event tests change. */
export const CREATE_TEST_ORDER_TABLE = 'CREATE TABLE test_order (id varchar(36) PRIMARY KEY, status varchar(32) NOT NULL, version int NOT NULL) ENGINE=InnoDB';

/**
 * Users changing order statuses as a service would: the order row and its
 * `orders.order-status-changed.v1` outbox row in one transaction. Counts the writes that failed
 * (a user would have seen an error) and how long each took.
 */
export class OrderStatusStream {
  failedMutations = 0;
  readonly mutationMs: number[] = [];
  private readonly actor = { id: randomUUID(), name: '测试用户' };

  constructor(private readonly dataSource: DataSource, private readonly log: Logger, private readonly writer = new OutboxWriter()) {}

  /** Moves the order to `version` (1 creates it). */
  async change(orderId: string, version: number): Promise<void> {
    const began = Date.now();
    try {
      await this.dataSource.transaction(async (manager) => {
        if (version === 1) await manager.query('INSERT INTO test_order (id, status, version) VALUES (?, ?, 1)', [orderId, ORDER_STATUSES[0]]);
        else await manager.query('UPDATE test_order SET status = ?, version = ? WHERE id = ? AND version = ?', [ORDER_STATUSES[version - 1], version, orderId, version - 1]);
        const data: OrderStatusChangedV1 = {
          orderId, contractId: orderId, customerId: orderId,
          fromStatus: version === 1 ? null : ORDER_STATUSES[version - 2], toStatus: ORDER_STATUSES[version - 1],
          version, changedAt: new Date().toISOString(), changedBy: this.actor,
        };
        await this.writer.append(manager, makeEvent({ type: Topics.orderStatusChanged, source: '/lianxiao/orders', subject: orderId, data }));
      });
    } catch (error) {
      this.failedMutations += 1;
      this.log.error({ err: String(error) }, 'mutation failed');
    }
    this.mutationMs.push(Date.now() - began);
  }
}
