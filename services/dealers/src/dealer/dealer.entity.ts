import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Territory } from './territory.entity';
import { DealerContact } from './dealer-contact.entity';

@ObjectType({ description: 'A regional dealer / 经销商' })
@Directive('@key(fields: "id")')
@Entity('dealer')
export class Dealer {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'Short code, D01…D37' }) @Index({ unique: true }) @Column('varchar', { length: 16 }) code: string;
  @Field() @Column('varchar', { length: 128 }) name: string;
  @Field({ description: 'A, B or C' }) @Column('varchar', { length: 1 }) tier: string;
  @Field({ description: 'Sales region, e.g. 华东' }) @Index() @Column('varchar', { length: 16 }) region: string;
  @Field({ description: 'Name of the main contact (the first of contacts)' }) @Column('varchar', { length: 64 }) contactName: string;
  @Field({ description: 'The dealer\'s main phone line' }) @Column('varchar', { length: 32 }) phone: string;
  @Field(() => String, { nullable: true, description: 'Office / warehouse address' }) @Column('varchar', { length: 255, nullable: true }) address: string | null;
  @Field({ description: 'ACTIVE or SUSPENDED / 合作状态' }) @Column('varchar', { length: 16, default: 'ACTIVE' }) status: string;
  @Field(() => [DealerContact], { description: 'Contact people, main contact first' })
  @OneToMany(() => DealerContact, (c) => c.dealer, { cascade: true })
  contacts: DealerContact[];
  @Field(() => [Territory]) @OneToMany(() => Territory, (t) => t.dealer, { cascade: true }) territories: Territory[];
  @Field() @CreateDateColumn() createdAt: Date;
  @Field() @UpdateDateColumn() updatedAt: Date;
}
