import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Customer } from './customer.entity';

@ObjectType({ description: 'A person at a customer / 客户联系人' })
@Entity('contact')
export class Contact {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) customerId: string;
  @ManyToOne(() => Customer, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'customerId' }) customer?: Customer;
  @Field() @Column('varchar', { length: 64 }) name: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 32, nullable: true }) title: string | null;
  @Field(() => String, { nullable: true }) @Index() @Column('varchar', { length: 32, nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 128, nullable: true }) email: string | null;
  @Field() @Column('boolean', { default: false }) isPrimary: boolean;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
