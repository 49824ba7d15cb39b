import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AlertSeverity, AlertSubjectType } from './alert-vocabulary';

/**
 * One raised alert. `openKey` (rule:subjectType:subjectId) is set while the alert is open and
 * unique, so a repeated evaluation finds it and sends nothing again; it is cleared when the
 * condition no longer holds, and a later occurrence is a new alert.
 */
@ObjectType({ description: 'A raised alert about a customer, a rep or a region / 预警' })
@Entity('alert')
@Index(['subjectType', 'subjectId', 'raisedAt'])
@Index(['region', 'raisedAt'])
export class Alert {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field() @Index() @Column('varchar', { length: 32 }) ruleCode: string;
  @Field(() => AlertSeverity) @Column('varchar', { length: 8 }) severity: AlertSeverity;
  @Field({ description: 'ALERT, or TASK for a to-do given to the rep' }) @Column('varchar', { length: 8 }) kind: string;
  @Field(() => AlertSubjectType) @Column('varchar', { length: 16 }) subjectType: AlertSubjectType;
  @Field({ description: 'Customer id, rep user id or region name' }) @Column('varchar', { length: 64 }) subjectId: string;
  @Field() @Column('varchar', { length: 128 }) subjectName: string;
  @Field(() => ID, { nullable: true }) @Index() @Column('varchar', { length: 36, nullable: true }) customerId: string | null;
  @Field(() => ID, { nullable: true }) @Index() @Column('varchar', { length: 36, nullable: true }) ownerId: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 16, nullable: true }) region: string | null;
  @Field() @Column('varchar', { length: 200 }) titleZh: string;
  @Field() @Column('varchar', { length: 200 }) titleEn: string;
  @Field() @Column('text') detailZh: string;
  @Field() @Column('text') detailEn: string;
  @Field({ description: 'rule:subjectType:subjectId — repeats of an open alert are not re-sent' }) @Column('varchar', { length: 160 }) dedupeKey: string;
  @Index('UQ_alert_open_key', { unique: true }) @Column('varchar', { length: 160, nullable: true }) openKey: string | null;
  @Field({ description: 'When it was raised (wall clock)' }) @Column('datetime', { precision: 3 }) raisedAt: Date;
  @Field({ description: 'The time the rules were evaluated as of' }) @Column('datetime', { precision: 3 }) asOf: Date;
  @Field(() => Date, { nullable: true, description: 'When the condition stopped holding' }) @Column('datetime', { precision: 3, nullable: true }) resolvedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { precision: 3, nullable: true }) acknowledgedAt: Date | null;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) acknowledgedBy: string | null;
  @Field(() => [ID], { description: 'Users notified in the inbox' }) @Column('simple-json') recipientIds: string[];
}
