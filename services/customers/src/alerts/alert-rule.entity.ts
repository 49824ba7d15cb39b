import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AlertChannel, AlertSeverity } from './alert-vocabulary';

/** An alert rule stored as data: admins and the director edit its threshold, channels and robot URLs. */
@ObjectType({ description: 'An alert rule with its editable threshold and channels / 预警规则' })
@Entity('alert_rule')
export class AlertRule {
  @Field({ description: 'NEXT_ACTION_STALE, CONTRACT_NO_ATTACHMENT, CONTRACT_TOO_LONG, REP_OVERDUE_CUSTOMERS or REGION_DELIVERY_RATIO' }) @PrimaryColumn('varchar', { length: 32 }) code: string;
  @Field() @Column('varchar', { length: 64 }) nameZh: string;
  @Field() @Column('varchar', { length: 128 }) nameEn: string;
  @Field(() => AlertSeverity) @Column('varchar', { length: 8 }) severity: AlertSeverity;
  @Field(() => Float, { description: 'The number the rule compares with, in `unit`' }) @Column('double') threshold: number;
  @Field({ description: 'HOURS, DAYS, CUSTOMERS or PERCENT' }) @Column('varchar', { length: 16 }) unit: string;
  @Field() @Column('boolean', { default: true }) enabled: boolean;
  @Field(() => [AlertChannel]) @Column('simple-json') channels: AlertChannel[];
  @Field(() => String, { nullable: true, description: '企业微信群机器人 webhook URL' }) @Column('varchar', { length: 500, nullable: true }) wecomWebhookUrl: string | null;
  @Field(() => String, { nullable: true, description: '钉钉群机器人 webhook URL' }) @Column('varchar', { length: 500, nullable: true }) dingtalkWebhookUrl: string | null;
  /** DingTalk "加签" secret; never returned by the API. */
  @Column('varchar', { length: 200, nullable: true }) dingtalkSecret: string | null;
  @Field(() => [String], { description: 'Extra email addresses besides the recipients' }) @Column('simple-json') emailTo: string[];
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) updatedBy: string | null;
  @Field() @Column('datetime', { precision: 3 }) updatedAt: Date;
}
