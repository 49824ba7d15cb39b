import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '../config/service-config';
import { createLogger } from '../logging';
import { EVENT_TRANSPORT, EventTransport } from './event-transport';
import { InProcessTransport } from './in-process-transport';
import { KafkaTransport } from './kafka-transport';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { errorMessage } from './retry-backoff';
import { tracedEventTransport } from '../telemetry/active-tracing';

const log = createLogger('events');
const EVENTS_SERVICE_CONFIG = Symbol('EVENTS_SERVICE_CONFIG');

/**
 * Kafka when KAFKA_BROKERS is set, otherwise the embedded in-process transport; with tracing on,
 * wrapped so each message sent and handled has its span (the transport itself when off).
 */
export function createEventTransport(config: Pick<ServiceConfig, 'serviceName' | 'kafkaBrokers'>): EventTransport {
  if (!config.kafkaBrokers.length) return tracedEventTransport(new InProcessTransport(), 'in-process');
  return tracedEventTransport(new KafkaTransport({ brokers: config.kafkaBrokers, clientId: `lianxiao-${config.serviceName}` }), 'kafka');
}

@Injectable()
class EventsLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(EVENTS_SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    // Never awaited: an unreachable broker must not hold the service's start-up.
    void this.transport.probe?.().then(
      () => log.info({ service: this.config.serviceName, brokers: this.config.kafkaBrokers }, 'Kafka reachable'),
      (error: unknown) =>
        log.warn(
          { service: this.config.serviceName, brokers: this.config.kafkaBrokers, err: errorMessage(error) },
          'Kafka is not reachable at KAFKA_BROKERS: user changes still succeed and their events wait in the outbox; publishing retries until the brokers answer',
        ),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    await this.transport.close();
  }
}

/**
 * The event backbone of one service: the transport (EVENT_TRANSPORT), the OutboxWriter and a
 * running OutboxRelay. Consumers are created by the service with `new InboxConsumer(...)` on the
 * injected DataSource and transport. Needs the service's TypeORM DataSource (PlatformModule) with
 * OutboxEvent and InboxRecord among its entities.
 */
@Global()
@Module({})
export class EventsModule {
  static forService(config: ServiceConfig, relay: OutboxRelayOptions = {}): DynamicModule {
    return {
      module: EventsModule,
      providers: [
        {
          provide: EVENT_TRANSPORT,
          useFactory: () => {
            const transport = createEventTransport(config);
            createLogger('events').info(
              { service: config.serviceName, transport: config.kafkaBrokers.length ? 'kafka' : 'in-process', brokers: config.kafkaBrokers },
              'event transport ready',
            );
            return transport;
          },
        },
        { provide: EVENTS_SERVICE_CONFIG, useValue: config },
        { provide: OutboxWriter, useValue: new OutboxWriter() },
        {
          provide: OutboxRelay,
          inject: [DataSource, EVENT_TRANSPORT],
          useFactory: (dataSource: DataSource, transport: EventTransport) =>
            new OutboxRelay(dataSource, transport, { name: config.serviceName, ...relay }),
        },
        EventsLifecycle,
      ],
      exports: [EVENT_TRANSPORT, OutboxWriter, OutboxRelay],
    };
  }
}
