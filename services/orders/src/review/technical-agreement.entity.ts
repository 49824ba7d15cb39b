import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SpecSnapshot } from './agreement-diff';

export enum AgreementStatus {
  PENDING_LEGAL = 'PENDING_LEGAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'PENDING_LEGAL 待法务审核 / APPROVED 已批准 / REJECTED 已驳回' });

/** A version of the technical agreement: the approved spec frozen at engineering approval. */
@ObjectType({ description: 'Technical agreement version / 技术协议版本' })
@Entity('technical_agreement')
@Index(['ticketId', 'version'], { unique: true })
export class TechnicalAgreement {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) ticketId: string;
  @Field(() => Int, { description: '1, 2, …' }) @Column('int') version: number;
  @Field(() => AgreementStatus) @Column('varchar', { length: 16 }) status: AgreementStatus;
  /** The 12 spec fields; exposed through TechnicalAgreement.spec (craft notes guarded). */
  @Column('simple-json') spec: SpecSnapshot;
  @Field(() => ID, { description: 'Engineer who approved the spec' }) @Column('varchar', { length: 36 }) approvedBy: string;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) legalReviewedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) legalReviewedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 1000, nullable: true }) legalComment: string | null;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
