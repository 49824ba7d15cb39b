import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

@ObjectType({ description: "One product line's part of a dealer's annual target, set by HQ / 产品线年度目标" })
@Entity('dealer_target_line')
@Index('UQ_dealer_target_line', ['dealerId', 'year', 'productLine'], { unique: true })
export class DealerTargetLine {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) dealerId: string;
  @Field(() => Int) @Column('int') year: number;
  @Field({ description: 'A catalogue product line: 五金件 / 智能设备 / 光伏支架 / 模具' }) @Column('varchar', { length: 16 }) productLine: string;
  @Field(() => Float, { description: 'CNY' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) amount: number;
}
