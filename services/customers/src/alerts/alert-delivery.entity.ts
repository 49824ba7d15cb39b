import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AlertChannel } from './alert-vocabulary';

/** One send of an alert over email or a robot webhook, and how it went. */
@ObjectType({ description: 'One delivery of an alert over email or a group robot / 预警发送记录' })
@Entity('alert_delivery')
@Index(['alertId', 'channel'])
export class AlertDelivery {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) alertId: string;
  @Field(() => AlertChannel) @Column('varchar', { length: 8 }) channel: AlertChannel;
  @Field({ description: 'Email address or webhook host' }) @Column('varchar', { length: 255 }) target: string;
  @Field({ description: 'SENT, FAILED or DISABLED' }) @Column('varchar', { length: 8 }) status: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) error: string | null;
  @Field() @Column('datetime', { precision: 3 }) at: Date;
}
