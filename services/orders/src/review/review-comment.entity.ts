import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An engineer's comment on one spec field of a ticket. */
@ObjectType({ description: 'Engineering comment on one spec field / 技术评审意见' })
@Entity('review_comment')
@Index(['ticketId'])
export class ReviewComment {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) ticketId: string;
  @Field({ description: 'Spec field key, e.g. tolerance' }) @Column('varchar', { length: 32 }) field: string;
  @Field() @Column('varchar', { length: 1000 }) comment: string;
  @Field(() => ID, { description: 'User id of the author' }) @Column('varchar', { length: 36 }) authorId: string;
  @Field() @Column('varchar', { length: 64 }) authorName: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
