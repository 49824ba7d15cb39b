import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

@ObjectType({ description: 'A product in the dealer catalogue / 产品 SKU' })
@Entity('sku')
export class Sku {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'SKU code, e.g. WJ-001' }) @Index('UQ_sku_code', { unique: true }) @Column('varchar', { length: 32 }) code: string;
  @Field() @Column('varchar', { length: 128 }) name: string;
  @Field({ description: '五金件 / 智能设备 / 光伏支架 / 模具' }) @Index() @Column('varchar', { length: 16 }) productLine: string;
  @Field({ description: 'Unit of sale, e.g. 件 / 套 / 台' }) @Column('varchar', { length: 8 }) unit: string;
  @Field(() => Float, { description: 'List price per unit, CNY' }) @Column('decimal', { precision: 12, scale: 2, transformer: decimalToNumber }) price: number;
}
