import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

/** The customer master as ERP last reported it (erp.customer-master-updated.v1): latest contact and valid contract amount. */
@ObjectType({ description: 'What ERP last reported for a customer: latest contact and valid contract amount / ERP 客户主数据' })
@Entity('erp_customer_master')
export class ErpCustomerMaster {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 32 }) erpCustomerCode: string;
  @Field({ description: 'Credit code as ERP has it' }) @Column('varchar', { length: 18 }) creditCode: string;
  @Field() @Column('varchar', { length: 64 }) latestContactName: string;
  @Field() @Column('varchar', { length: 32 }) latestContactPhone: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 64, nullable: true }) latestContactTitle: string | null;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) validContractAmount: number;
  @Field() @Column('varchar', { length: 3 }) currency: string;
  @Field({ description: 'When ERP changed it (events older than this are ignored)' }) @Column('datetime', { precision: 3 }) erpUpdatedAt: Date;
  @Field() @Column('datetime', { precision: 3 }) receivedAt: Date;
  @Field(() => ID) @Column('varchar', { length: 36 }) eventId: string;
}
