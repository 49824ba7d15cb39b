import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';
import { RECEIPT_IDEMPOTENCY_INDEX, RECEIPT_IMAGE_INDEX, RECEIPT_NUMBER_INDEX } from './receipt-rules';

@ObjectType({ description: 'An end-customer sale with its signed receipt / 终端动销签收单' })
@Entity('sell_through_receipt')
@Index(RECEIPT_IDEMPOTENCY_INDEX, ['dealerId', 'idempotencyKey'], { unique: true })
@Index(['dealerId', 'recordedAt'])
@Index(['crossRegionFlag', 'recordedAt'])
export class SellThroughReceipt {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field() @Column('varchar', { length: 32 }) skuCode: string;
  @Field(() => Int) @Column('int') quantity: number;
  @Field(() => Float) @Column('decimal', { precision: 12, scale: 2, transformer: decimalToNumber }) unitPrice: number;
  @Field() @Column('varchar', { length: 128 }) endCustomerName: string;
  @Field({ description: 'GB/T 2260 province code' }) @Column('varchar', { length: 6 }) deliveryProvinceCode: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 6, nullable: true }) deliveryCityCode: string | null;
  @Field({ description: 'Unique across all dealers' }) @Index(RECEIPT_NUMBER_INDEX, { unique: true }) @Column('varchar', { length: 64 }) receiptNumber: string;
  @Field({ description: 'SHA-256 of the signed receipt photo; unique across all dealers' }) @Index(RECEIPT_IMAGE_INDEX, { unique: true }) @Column('varchar', { length: 64 }) imageSha256: string;
  @Field() @Column('varchar', { length: 16 }) imageMimeType: string;
  @Field(() => Int) @Column('int') imageBytes: number;
  @Field({ description: 'User id of who recorded it' }) @Column('varchar', { length: 36 }) recordedBy: string;
  @Field() @CreateDateColumn() recordedAt: Date;
  @Field({ description: 'Delivered outside the dealer territory (窜货)' }) @Column('boolean', { default: false }) crossRegionFlag: boolean;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 255, nullable: true }) flagReason: string | null;
  @Field(() => Float, { nullable: true, description: '1.0 another region, 0.7 same region' }) @Column('decimal', { precision: 3, scale: 2, nullable: true, transformer: decimalToNumber }) flagConfidence: number | null;
  @Field(() => String, { nullable: true, description: 'Flag review: FLAGGED, DISPUTED, UPHELD (flag stands) or DISMISSED (flag cleared); null when not flagged' })
  @Column('varchar', { length: 16, nullable: true })
  flagStatus: string | null;
  @Column('varchar', { length: 64, nullable: true }) idempotencyKey: string | null;
  @Column('varchar', { length: 64 }) payloadHash: string;
}
