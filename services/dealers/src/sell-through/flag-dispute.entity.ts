import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const FlagStatus = { FLAGGED: 'FLAGGED', DISPUTED: 'DISPUTED', UPHELD: 'UPHELD', DISMISSED: 'DISMISSED' } as const;
export const DisputeDecision = { UPHELD: 'UPHELD', DISMISSED: 'DISMISSED' } as const;

/**
 * A dealer's dispute of a 窜货 flag with a comment and evidence, and HQ's decision: UPHELD (the flag
 * stands) or DISMISSED (the flag is cleared). Rows are never deleted: they are the flag's history.
 */
@ObjectType({ description: 'A dispute of a 窜货 flag / 窜货申诉' })
@Entity('flag_dispute')
@Index(['dealerId', 'createdAt'])
@Index(['status', 'createdAt'])
export class FlagDispute {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) receiptId: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field() @Column('varchar', { length: 64 }) receiptNumber: string;
  @Field({ description: "The dealer's explanation" }) @Column('varchar', { length: 1000 }) comment: string;
  @Field(() => String, { nullable: true, description: 'Evidence in words, e.g. the logistics waybill number' }) @Column('varchar', { length: 500, nullable: true }) evidenceNote: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the evidence photo' }) @Column('varchar', { length: 64, nullable: true }) evidenceSha256: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 16, nullable: true }) evidenceMimeType: string | null;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) evidenceBytes: number | null;
  @Field({ description: 'OPEN, UPHELD or DISMISSED' }) @Column('varchar', { length: 16 }) status: string;
  @Column('varchar', { length: 36 }) raisedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) decisionNote: string | null;
  @Column('varchar', { length: 36, nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) decidedAt: Date | null;
}
