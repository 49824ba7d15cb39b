import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

/**
 * Scorecard read model of a signed contract, kept from `orders.contract-signed.v1`. A contract is
 * scored once (unique contractId) whatever event id re-reports it. The owner is the signer: the
 * event carries no dealer, so contracts score the rep, not a dealer's points.
 */
@ObjectType({ description: 'A signed contract on the scorecard / 合同业绩' })
@Entity('contract_score')
@Index('IDX_contract_score_owner', ['ownerId', 'signedAt'])
export class ContractScore {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Index('UQ_contract_score_contract', { unique: true }) @Column('varchar', { length: 36 }) contractId: string;
  @Field({ description: '合同编号' }) @Column('varchar', { length: 32 }) contractNumber: string;
  @Field(() => ID, { description: 'Signed by (the rep scored) / 签约人' }) @Column('varchar', { length: 36 }) ownerId: string;
  @Field({ description: '签约人姓名' }) @Column('varchar', { length: 64 }) ownerName: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field(() => Float, { description: '合同金额' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) amount: number;
  @Field() @Column('varchar', { length: 3 }) currency: string;
  @Field(() => Float, { description: 'Gross margin, 0.25 = 25 % / 毛利率' })
  @Column('decimal', { precision: 5, scale: 4, transformer: decimalToNumber })
  grossMargin: number;
  @Field() @Column('datetime', { precision: 3 }) signedAt: Date;
  @Field(() => ID, { description: 'The event it was scored from' }) @Column('varchar', { length: 36 }) sourceEventId: string;
}
