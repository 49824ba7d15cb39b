import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const PointsReason = {
  TRAINING: 'TRAINING',
  ON_TIME_PAYMENT: 'ON_TIME_PAYMENT',
  TARGET_REACHED: 'TARGET_REACHED',
  REDEMPTION: 'REDEMPTION',
  /** HQ correction with a note (e.g. a missed credit). */
  ADJUSTMENT: 'ADJUSTMENT',
} as const;
export type PointsReason = (typeof PointsReason)[keyof typeof PointsReason];

/** One line of the points ledger; `sourceEventId` makes an event count at most once. */
@ObjectType({ description: 'A points ledger entry / 积分流水' })
@Entity('points_entry')
@Index(['dealerId', 'createdAt'])
export class PointsEntry {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => Int, { description: 'Points earned (positive) or redeemed (negative)' }) @Column('int') delta: number;
  @Field({ description: 'TRAINING, ON_TIME_PAYMENT, TARGET_REACHED or REDEMPTION' }) @Column('varchar', { length: 32 }) reason: string;
  @Field(() => String, { nullable: true, description: 'e.g. 完成 2026 Q3 产品培训' }) @Column('varchar', { length: 128, nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'The event this entry came from, if any' })
  @Index({ unique: true })
  @Column('varchar', { length: 64, nullable: true })
  sourceEventId: string | null;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
