import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { Alert } from './alert.entity';
import { AlertDelivery } from './alert-delivery.entity';
import { AlertRule } from './alert-rule.entity';
import { AlertService } from './alert.service';
import { AlertFacts } from './alert-facts';
import { AlertSender } from './alert-sender';
import { AlertResolver, CustomerAlertsResolver } from './alert.resolver';
import { AlertSweepJob } from './alert-sweep.job';
import { AlertChangeSubscriber } from './alert-change.subscriber';

export const ALERT_ENTITIES = [AlertRule, Alert, AlertDelivery];

/** Alert rules as data, evaluation on change and by the once-per-cluster sweep (needs SchedulingModule). */
@Module({
  imports: [TypeOrmModule.forFeature(ALERT_ENTITIES), NotificationsModule],
  providers: [AlertService, AlertFacts, AlertSender, AlertResolver, CustomerAlertsResolver, AlertSweepJob, AlertChangeSubscriber],
  exports: [AlertService],
})
export class AlertsModule {}
