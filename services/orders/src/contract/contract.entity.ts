import { Directive, Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../columns/decimal-to-number';

export enum ContractStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
}
registerEnumType(ContractStatus, { name: 'ContractStatus', description: 'DRAFT 草稿 / SIGNED 已签署' });

/**
 * A sales contract. `grossMargin` is a column but not a plain GraphQL field: the resolver
 * exposes it to DIRECTOR, FINANCE and ADMIN only.
 */
@ObjectType({ description: 'A sales contract / 销售合同' })
@Directive('@key(fields: "id")')
@Entity('contract')
@Index(['customerId'])
@Index(['ownerId'])
@Index(['region'])
export class Contract {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'HT-2026-0001' }) @Index({ unique: true }) @Column('varchar', { length: 16 }) number: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field(() => ID, { description: 'Sales rep who owns the contract' }) @Column('varchar', { length: 36 }) ownerId: string;
  @Field({ description: "Customer's sales region, copied from the customer so this service can scope supervisors" })
  @Column('varchar', { length: 16 })
  region: string;
  @Field(() => Float) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) amount: number;
  @Field({ description: 'ISO 4217, e.g. CNY' }) @Column('varchar', { length: 3, default: 'CNY' }) currency: string;
  /** 0–1; read through ContractResolver.grossMargin only. */
  @Column('decimal', { precision: 5, scale: 4, transformer: decimalToNumber }) grossMargin: number;
  @Field(() => ContractStatus) @Column('varchar', { length: 16 }) status: ContractStatus;
  @Field({ description: 'e.g. 30% 预付，70% 发货前付清' }) @Column('varchar', { length: 128 }) paymentTerms: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @Column({ type: 'date', nullable: true, utc: true }) firstPaymentDueDate: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) signedAt: Date | null;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
