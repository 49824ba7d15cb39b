import { DynamicModule, Module } from '@nestjs/common';
import { AUDIT_ENTITIES, EVENT_ENTITIES, IDEMPOTENCY_ENTITIES, EventsModule, PlatformModule, SCHEDULING_ENTITIES, SchedulingModule, ServiceConfig } from '@lianxiao/platform';
import { Contact, Customer, CustomerModule } from './customer';
import { Stage, StageModelVersion, StageModule, StageNode } from './stage';
import { ALERT_ENTITIES, AlertsModule } from './alerts';
import { NOTIFICATION_ENTITIES, NotificationsModule } from './notifications';
import { ERP_INBOUND_ENTITIES, ErpInboundModule } from './erp-inbound';
import { PIPELINE_ENTITIES, PipelineModule } from './pipeline';
import { ContractSignal, ContractSignedModule } from './contract-signed';
import { AnalyticsModule } from './analytics';
import { DEDUPE_ENTITIES, DedupeModule } from './dedupe';
import { IMPORT_ENTITIES, ImportModule } from './import';
import { createFileStorage } from './pipeline/file-storage-factory';
import { EvidenceThumbnailModule } from './pipeline/evidence-thumbnail.resolver';
import { DemoSeedService } from './seed/demo-seed.service';
import { migrations } from './migrations';

export const CUSTOMERS_ENTITIES = [Customer, Contact, Stage, StageNode, ...PIPELINE_ENTITIES, ContractSignal, ...DEDUPE_ENTITIES, ...IMPORT_ENTITIES, ...EVENT_ENTITIES, ...IDEMPOTENCY_ENTITIES, ...AUDIT_ENTITIES, StageModelVersion, ...ALERT_ENTITIES, ...NOTIFICATION_ENTITIES, ...SCHEDULING_ENTITIES, ...ERP_INBOUND_ENTITIES];

@Module({})
export class CustomersAppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    // One storage (local disk or S3, with image thumbnails) for evidence and import uploads.
    const storage = createFileStorage(config.dataDir);
    return {
      module: CustomersAppModule,
      imports: [PlatformModule.forService({ config, entities: CUSTOMERS_ENTITIES, migrations }), EventsModule.forService(config), StageModule, CustomerModule, PipelineModule.forRoot({ dataDir: config.dataDir, storage }), ContractSignedModule, AnalyticsModule, DedupeModule, ImportModule.forRoot({ storage }), EvidenceThumbnailModule.forRoot(storage), SchedulingModule.forRoot(), NotificationsModule, AlertsModule, ErpInboundModule],
      providers: [DemoSeedService],
    };
  }
}
