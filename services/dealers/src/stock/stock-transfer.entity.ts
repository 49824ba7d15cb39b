import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const TransferStatus = { PROPOSED: 'PROPOSED', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', CANCELLED: 'CANCELLED' } as const;
export type TransferStatus = (typeof TransferStatus)[keyof typeof TransferStatus];

/**
 * A stock transfer between two dealers (调拨): proposed by the sender, accepted or declined by the
 * receiver; on acceptance both dealers' latest stock sheets change in one transaction. Dealers are
 * shown to each other by code and name only (ids stay internal).
 */
@ObjectType({ description: 'A stock transfer between dealers / 库存调拨' })
@Entity('stock_transfer')
@Index(['fromDealerId', 'proposedAt'])
@Index(['toDealerId', 'proposedAt'])
export class StockTransfer {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) fromDealerId: string;
  @Column('varchar', { length: 36 }) toDealerId: string;
  @Field() @Column('varchar', { length: 16 }) fromDealerCode: string;
  @Field() @Column('varchar', { length: 128 }) fromDealerName: string;
  @Field() @Column('varchar', { length: 16 }) toDealerCode: string;
  @Field() @Column('varchar', { length: 128 }) toDealerName: string;
  @Field() @Column('varchar', { length: 32 }) skuCode: string;
  @Field(() => Int) @Column('int') quantity: number;
  @Field({ description: 'PROPOSED, ACCEPTED, DECLINED or CANCELLED' }) @Column('varchar', { length: 16 }) status: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 255, nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: "The receiver's reason when declining" }) @Column('varchar', { length: 255, nullable: true }) decisionNote: string | null;
  @Column('varchar', { length: 36 }) proposedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) proposedAt: Date;
  @Column('varchar', { length: 36, nullable: true }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) decidedAt: Date | null;
}
