import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Survivor fields a merge changed, kept so an undo puts them back exactly. */
export interface SurvivorBefore {
  lastInteractionAt: string;
  phone: string | null;
  nextActionDate: string | null;
}

/** One merge of duplicates into a survivor: who, when, and (in customer_merge_item) every row that moved. */
@ObjectType({ description: 'A merge of duplicate customers into one; can be undone / 客户合并记录' })
@Entity('customer_merge')
@Index(['mergedAt'])
export class CustomerMerge {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) survivorId: string;
  @Field(() => [ID], { description: 'The customers that became tombstones pointing at the survivor' }) @Column('simple-json') mergedIds: string[];
  @Field({ description: 'Region of the survivor when merged (supervisors see their region’s merges)' }) @Column('varchar', { length: 16 }) region: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) mergedBy: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 64, nullable: true }) mergedByName: string | null;
  @Field() @Column('datetime', { precision: 3 }) mergedAt: Date;
  @Column('simple-json') survivorBefore: SurvivorBefore;
  @Field(() => Date, { nullable: true }) @Column('datetime', { precision: 3, nullable: true }) undoneAt: Date | null;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) undoneBy: string | null;
}

export const MOVED_KINDS = ['FOLLOW_UP', 'EVIDENCE', 'CONTACT', 'STAGE_TRANSITION', 'NODE_COMPLETION'] as const;
export type MovedKind = (typeof MOVED_KINDS)[number];

/** One row that a merge re-pointed from a merged customer to the survivor. */
@Entity('customer_merge_item')
@Index(['mergeId'])
export class CustomerMergeItem {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) mergeId: string;
  @Column('varchar', { length: 16 }) kind: MovedKind;
  @Column('varchar', { length: 36 }) rowId: string;
  @Column('varchar', { length: 36 }) fromCustomerId: string;
}
