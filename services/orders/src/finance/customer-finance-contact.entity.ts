import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Who receives a customer's monthly statement. The customers service owns the customer; this is
 * the finance read model (seeded from the demo world's 财务经理 / primary contact, editable by finance).
 */
@ObjectType('CustomerFinanceContact', { description: "Customer's finance contact for statements / 客户财务联系人" })
@Entity('finance_customer_contact')
export class CustomerFinanceContact {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 100 }) customerName: string;
  @Field() @Column('varchar', { length: 16 }) region: string;
  @Field() @Column('varchar', { length: 64 }) contactName: string;
  @Field() @Column('varchar', { length: 200 }) email: string;
  @Field() @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
