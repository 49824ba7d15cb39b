import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A dealer's stock sheet for one ISO week. One row per (dealer, week): re-uploading the same week
 * with the same content changes nothing; different content replaces the week's lines atomically
 * and bumps `version`.
 */
@ObjectType({ description: "A dealer's weekly stock sheet / 周库存上报" })
@Entity('stock_upload')
@Index('UQ_stock_upload_dealer_week', ['dealerId', 'isoWeek'], { unique: true })
export class StockUpload {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field({ description: 'ISO week, e.g. 2026-W48 (China time)' }) @Column('varchar', { length: 8 }) isoWeek: string;
  @Field({ description: 'SHA-256 of the normalised lines (same content in CSV or XLSX → same hash)' }) @Column('varchar', { length: 64 }) contentHash: string;
  @Field() @Column('varchar', { length: 255 }) fileName: string;
  @Field(() => Int) @Column('int') lineCount: number;
  @Field(() => Int) @Column('int') skuCount: number;
  @Field(() => Int) @Column('int') totalQuantity: number;
  @Field(() => Int, { description: '1 for the first sheet of the week, +1 each time different content replaced it' }) @Column('int', { default: 1 }) version: number;
  @Column('varchar', { length: 36, nullable: true }) uploadedBy: string | null;
  @Field() @Column('datetime') uploadedAt: Date;
}
