import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ContractSignalOutcome {
  /** Recorded from the event; the stage move has not been tried yet. */
  PENDING = 'PENDING',
  /** The customer was moved to 合同 (CONTRACT). */
  MOVED = 'MOVED',
  /** The customer already was in 合同 or later: nothing to do. */
  ALREADY = 'ALREADY',
  /** The stage conditions did not hold; `reasonZh`/`reasonEn` say why, the rep finishes the move. */
  NOT_MOVED = 'NOT_MOVED',
}
registerEnumType(ContractSignalOutcome, { name: 'ContractSignalOutcome', description: 'PENDING 待处理 / MOVED 已推进到合同 / ALREADY 已在合同或之后 / NOT_MOVED 条件不满足，待销售处理' });

/**
 * A signed contract reported by the orders service (`orders.contract-signed.v1`) and what the
 * customers service did with it. One row per contract, written in the inbox transaction.
 */
@ObjectType({ description: 'A contract signed in the orders service and whether the customer moved to 合同 / 合同签署信号' })
@Entity('contract_signal')
@Index(['customerId'])
export class ContractSignal {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) contractId: string;
  @Field() @Column('varchar', { length: 32 }) contractNumber: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Column('varchar', { length: 36 }) eventId: string;
  @Field() @Column('datetime', { precision: 3 }) signedAt: Date;
  @Field(() => ContractSignalOutcome) @Column('varchar', { length: 16 }) outcome: ContractSignalOutcome;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) reasonZh: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) reasonEn: string | null;
  @Column('datetime', { precision: 3 }) receivedAt: Date;
  @Field(() => Date, { nullable: true }) @Column('datetime', { precision: 3, nullable: true }) processedAt: Date | null;
}
