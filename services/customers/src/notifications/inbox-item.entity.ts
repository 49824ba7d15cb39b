import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One message in a user's in-app inbox: an alert, or a task (e.g. add the contract terms). */
@ObjectType({ description: 'An item of the in-app inbox: ALERT or TASK / 站内消息' })
@Entity('inbox_item')
@Index(['userId', 'readAt', 'createdAt'])
@Index(['alertId'])
export class InboxItem {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) userId: string;
  @Field({ description: 'ALERT or TASK' }) @Column('varchar', { length: 8 }) kind: string;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) alertId: string | null;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) customerId: string | null;
  @Field({ description: 'RED, ORANGE, YELLOW or BLUE' }) @Column('varchar', { length: 8 }) severity: string;
  @Field() @Column('varchar', { length: 200 }) titleZh: string;
  @Field() @Column('varchar', { length: 200 }) titleEn: string;
  @Field() @Column('text') bodyZh: string;
  @Field() @Column('text') bodyEn: string;
  @Field() @Column('datetime', { precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column('datetime', { precision: 3, nullable: true }) readAt: Date | null;
}
