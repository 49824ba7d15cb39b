import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';
import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';
import { DEFAULT_CUSTOMER_HEALTH } from './priority';

@ObjectType({ description: 'A contract line / 合同明细' })
export class ContractLine {
  @Field() sku: string;
  @Field() partName: string;
  @Field(() => Int) quantity: number;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) requestedDeliveryDate: string | null;
}

export enum MarginTier {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
registerEnumType(MarginTier, { name: 'MarginTier', description: 'Gross margin tier: HIGH ≥ 30 %, MEDIUM 15–30 %, LOW < 15 % / 毛利档位' });

/**
 * Capacity priority and why. `score` and `margin` (points) give the gross margin away exactly
 * (margin points = margin × 100), so they are resolved by PriorityResolver for roles that may read
 * the gross margin only; everyone sees the tier, urgency and health (docs/decisions/0008).
 */
@ObjectType({ description: 'Capacity priority and why: the weighted points of margin, urgency and customer health / 产能优先级' })
export class ContractPriority {
  /** 0–100; exposed through PriorityResolver.score. */
  score: number;
  /** Margin points; exposed through PriorityResolver.margin. */
  margin: number;
  @Field(() => MarginTier, { description: 'Margin as a tier, shown to every role / 毛利档位' }) marginTier: MarginTier;
  @Field(() => Float, { description: 'Urgency points (30 % weight) / 紧急度得分' }) urgency: number;
  @Field(() => Float, { description: 'Customer health points (20 % weight) / 客户健康度得分' }) health: number;
}

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
  @Field(() => ID, { nullable: true, description: 'User who signed' }) @Column('varchar', { length: 36, nullable: true }) signedBy: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the signer' }) @Column('varchar', { length: 64, nullable: true }) signedByName: string | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the signed scan (seal + signature page)' })
  @Column('varchar', { length: 64, nullable: true })
  signedScanSha256: string | null;
  /** Idempotency key of the signing request; a retry with it answers the first result. */
  @Column('varchar', { length: 64, nullable: true }) signIdempotencyKey: string | null;
  @Field(() => ID, { nullable: true, description: 'Requirement ticket it came from' }) @Index() @Column('varchar', { length: 36, nullable: true }) ticketId: string | null;
  @Field(() => ID, { nullable: true, description: 'Approved technical agreement version' }) @Column('varchar', { length: 36, nullable: true }) agreementId: string | null;
  @Field(() => Int, { nullable: true }) @Column('int', { nullable: true }) agreementVersion: number | null;
  @Field(() => [ContractLine], { nullable: true }) @Column('simple-json', { nullable: true }) lines: ContractLine[] | null;
  @Field(() => RequirementUrgency, { description: "Ticket's urgency, an input of the priority" })
  @Column('varchar', { length: 8, default: RequirementUrgency.NORMAL })
  urgency: RequirementUrgency;
  /** Customer health 0–100 (incentives); 50 until known. Exposed through Contract.priority. */
  @Column('int', { default: DEFAULT_CUSTOMER_HEALTH }) customerHealth: number;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
}
