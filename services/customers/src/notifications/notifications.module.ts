import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxItem } from './inbox-item.entity';
import { InboxService } from './inbox.service';
import { InboxResolver } from './inbox.resolver';

export const NOTIFICATION_ENTITIES = [InboxItem];

@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
  providers: [InboxService, InboxResolver],
  exports: [InboxService],
})
export class NotificationsModule {}
