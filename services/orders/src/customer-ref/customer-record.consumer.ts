import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, EVENT_TRANSPORT, EventTransport, InboxConsumer } from '@lianxiao/platform';
import { CUSTOMER_RECORDS_CONSUMER, CUSTOMER_RECORDS_TOPICS, customerRecordHandler } from './customer-record.handler';

/** Keeps `customer_record` up to date from the customers service, once per event (inbox). */
@Injectable()
export class CustomerRecordConsumer implements OnApplicationBootstrap {
  private readonly log = createLogger('orders.customer-records');
  private consumer: InboxConsumer | undefined;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = new InboxConsumer(this.db, this.transport, { consumer: CUSTOMER_RECORDS_CONSUMER, topics: CUSTOMER_RECORDS_TOPICS, handler: customerRecordHandler });
    await this.consumer.start();
    this.log.info({ topics: CUSTOMER_RECORDS_TOPICS }, 'customer records consumer started');
  }
}
