import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CloudEvent, ErpCustomerMasterUpdatedV1 } from '@lianxiao/contracts';
import { createLogger, EVENT_TRANSPORT, EventTransport, InboxConsumer } from '@lianxiao/platform';
import { applyErpCustomerMaster, ERP_CUSTOMER_MASTER_CONSUMER, ERP_CUSTOMER_MASTER_TOPICS } from './erp-customer-master.handler';

/** erp.customer-master-updated.v1 → latest contact and valid contract amount on the customer (idempotent, DLQ on a broken event). */
@Injectable()
export class ErpCustomerMasterConsumer implements OnApplicationBootstrap {
  private readonly log = createLogger('customers.erp-inbound');
  private consumer: InboxConsumer | undefined;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new InboxConsumer(this.db, this.transport, {
      consumer: ERP_CUSTOMER_MASTER_CONSUMER,
      topics: ERP_CUSTOMER_MASTER_TOPICS,
      handler: async (event, { manager }) => {
        const outcome = await applyErpCustomerMaster(manager, event as CloudEvent<ErpCustomerMasterUpdatedV1>);
        if (outcome !== 'APPLIED') this.log.info({ eventId: event.id, customerId: (event.data as ErpCustomerMasterUpdatedV1).customerId, outcome }, 'ERP customer master update not applied to a customer');
      },
    });
    await this.consumer.start();
    this.log.info({ topics: ERP_CUSTOMER_MASTER_TOPICS }, 'ERP customer master consumer started');
  }
}
