import * as path from 'node:path';
import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow, DomainError, EVENT_TRANSPORT, EventTransport, ErpFeedRecorder, Role, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { ErpFeed } from './erp-feed.types';

/**
 * The ERP stand-in of the demo: a consumer of orders.contract-signed.v1 in its own group
 * (`erp-standin`), as ERP's connector would be, recording what it received in
 * `<DATA_DIR>/erp-feed.jsonl` (libs/platform ErpFeedRecorder). It runs in the orders process only
 * because that process is there in both run modes; it keeps nothing in the orders database.
 */
@Injectable()
export class ErpFeedService implements OnApplicationBootstrap {
  readonly recorder: ErpFeedRecorder;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.recorder = new ErpFeedRecorder(transport, { file: path.join(config.dataDir, 'erp-feed.jsonl') });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recorder.start();
  }
}

@Resolver()
export class ErpFeedResolver {
  constructor(private readonly feed: ErpFeedService) {}

  @Query(() => ErpFeed, { description: 'What the ERP stand-in received on orders.contract-signed.v1, newest first / ERP 接收记录' })
  @Allow(Role.ADMIN, Role.DIRECTOR, Role.PRODUCTION)
  erpFeed(@Args('first', { type: () => Int, nullable: true, description: 'How many (default 50, max 500)' }) first?: number): ErpFeed {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw DomainError.validation([{ field: 'first', messageZh: '数量须在 1 到 500 之间', messageEn: 'first must be between 1 and 500' }]);
    }
    return { totalCount: this.feed.recorder.count(), entries: this.feed.recorder.entries(limit) };
  }
}

@Module({ providers: [ErpFeedService, ErpFeedResolver] })
export class ErpFeedModule {}
