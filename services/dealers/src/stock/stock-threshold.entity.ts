import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

/**
 * Slow-mover thresholds as data: the row with `productLine` = '*' is the network default, a row per
 * product line overrides it. Without rows the code defaults apply (DEFAULT_STOCK_THRESHOLDS).
 */
@ObjectType({ description: 'Slow-moving stock thresholds / 滞销阈值' })
@Entity('stock_threshold')
export class StockThreshold {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: "'*' for the default, else a product line" }) @Index('UQ_stock_threshold_line', { unique: true }) @Column('varchar', { length: 16 }) productLine: string;
  @Field(() => Float) @Column('decimal', { precision: 6, scale: 1, transformer: decimalToNumber }) coverWeeksAbove: number;
  @Field(() => Int) @Column('int') noSalesWeeks: number;
  @Field(() => Float) @Column('decimal', { precision: 6, scale: 1, transformer: decimalToNumber }) shortCoverWeeks: number;
  @Field(() => Float) @Column('decimal', { precision: 6, scale: 1, transformer: decimalToNumber }) targetCoverWeeks: number;
}
