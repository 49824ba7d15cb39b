import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Dealer } from './dealer.entity';

/** A person at the dealer HQ or the dealer's staff can call; the first (position 0) is the main contact. */
@ObjectType({ description: 'A contact person of a dealer / 经销商联系人' })
@Entity('dealer_contact')
@Index(['dealerId', 'position'])
export class DealerContact {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) dealerId: string;
  @ManyToOne(() => Dealer, (d) => d.contacts, { onDelete: 'CASCADE' }) dealer?: Relation<Dealer>;
  @Field() @Column('varchar', { length: 64 }) name: string;
  @Field(() => String, { nullable: true, description: 'Job title, e.g. 总经理' }) @Column('varchar', { length: 64, nullable: true }) title: string | null;
  @Field() @Column('varchar', { length: 32 }) phone: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 128, nullable: true }) email: string | null;
  @Field(() => Int, { description: '0 is the main contact' }) @Column('int') position: number;
}
