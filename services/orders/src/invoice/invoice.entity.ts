import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';

/** An invoice issued against a signed contract (CNY, 2 decimals) / 发票. */
@ObjectType('Invoice', { description: 'An invoice issued against a contract / 发票' })
@Entity('finance_invoice')
@Index(['customerId', 'issuedOn'])
@Index(['region', 'issuedOn'])
export class Invoice {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'Invoice number (发票号), unique' }) @Index({ unique: true }) @Column('varchar', { length: 32 }) number: string;
  @Field(() => ID) @Index() @Column('varchar', { length: 36 }) contractId: string;
  @Field({ description: 'Contract number, e.g. HT-2026-0001' }) @Column('varchar', { length: 16 }) contractNumber: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  /** Copied from the contract so supervisors and reps are scoped like contracts. */
  @Field() @Column('varchar', { length: 16 }) region: string;
  @Column('varchar', { length: 36 }) ownerId: string;
  @Field(() => Float, { description: 'Yuan, 2 decimals' }) @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) amount: number;
  @Field({ description: 'YYYY-MM-DD' }) @Column('varchar', { length: 10 }) issuedOn: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 200, nullable: true }) note: string | null;
  @Index({ unique: true }) @Column('varchar', { length: 64 }) idempotencyKey: string;
  /** SHA-256 of the request payload: the same key with another payload is refused. */
  @Column('varchar', { length: 64 }) requestHash: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
