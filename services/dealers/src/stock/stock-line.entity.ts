import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One line of a weekly stock sheet: a SKU's quantity in one batch and warehouse. */
@ObjectType({ description: 'A stock line / 库存明细' })
@Entity('stock_line')
@Index('UQ_stock_line_place', ['dealerId', 'isoWeek', 'skuCode', 'batch', 'warehouse'], { unique: true })
export class StockLine {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) dealerId: string;
  @Field() @Column('varchar', { length: 8 }) isoWeek: string;
  @Field() @Column('varchar', { length: 32 }) skuCode: string;
  @Field({ description: 'Batch / lot number; empty when the sheet has none' }) @Column('varchar', { length: 32, default: '' }) batch: string;
  @Field() @Column('varchar', { length: 32 }) warehouse: string;
  @Field(() => Int) @Column('int') quantity: number;
}
