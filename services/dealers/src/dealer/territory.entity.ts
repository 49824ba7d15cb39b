import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Dealer } from './dealer.entity';

@ObjectType({ description: 'A province or city a dealer sells in / 经销区域' })
@Entity('territory')
@Index(['provinceCode'])
export class Territory {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) dealerId: string;
  @ManyToOne(() => Dealer, (d) => d.territories, { onDelete: 'CASCADE' }) dealer?: Relation<Dealer>;
  @Field({ description: 'GB/T 2260 province code' }) @Column('varchar', { length: 6 }) provinceCode: string;
  @Field() @Column('varchar', { length: 32 }) provinceName: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 6, nullable: true }) cityCode: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 32, nullable: true }) cityName: string | null;
}
