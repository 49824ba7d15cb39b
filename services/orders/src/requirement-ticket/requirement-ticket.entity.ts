import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum RequirementUrgency {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(RequirementUrgency, { name: 'RequirementUrgency', description: 'LOW 低 / NORMAL 普通 / HIGH 高 / URGENT 紧急' });

export enum RequirementTicketStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
}
registerEnumType(RequirementTicketStatus, {
  name: 'RequirementTicketStatus',
  description: 'DRAFT 草稿 / SUBMITTED 已提交 / CHANGES_REQUESTED 退回修改 / APPROVED 技术评审通过',
});

/**
 * A requirement ticket from sales with its 12-field technical specification. Drafts may leave
 * spec fields empty; a submitted ticket has all of them. `craftNotes` is a column but is exposed
 * by the resolver to production (and admin) only.
 */
@ObjectType({ description: 'A requirement ticket with its technical specification / 需求工单' })
@Directive('@key(fields: "id")')
@Entity('requirement_ticket')
@Index(['customerId'])
@Index(['ownerId'])
@Index(['region'])
export class RequirementTicket {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field({ description: 'RT-2026-0001' }) @Index({ unique: true }) @Column('varchar', { length: 16 }) number: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field(() => ID, { description: 'Sales rep who raised it' }) @Column('varchar', { length: 36 }) ownerId: string;
  @Field({ description: "Customer's sales region, e.g. 华东" }) @Column('varchar', { length: 16 }) region: string;
  @Field(() => RequirementUrgency) @Column('varchar', { length: 8 }) urgency: RequirementUrgency;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @Column({ type: 'date', nullable: true, utc: true }) requestedDeliveryDate: string | null;
  @Field(() => RequirementTicketStatus) @Index() @Column('varchar', { length: 24 }) status: RequirementTicketStatus;

  @Field(() => String, { nullable: true, description: '材质' }) @Column('varchar', { length: 64, nullable: true }) material: string | null;
  @Field(() => String, { nullable: true, description: '公差' }) @Column('varchar', { length: 64, nullable: true }) tolerance: string | null;
  @Field(() => String, { nullable: true, description: '表面处理' }) @Column('varchar', { length: 64, nullable: true }) surfaceTreatment: string | null;
  @Field(() => String, { nullable: true, description: '尺寸' }) @Column('varchar', { length: 128, nullable: true }) dimensions: string | null;
  @Field(() => Int, { nullable: true, description: '数量' }) @Column('int', { nullable: true }) quantity: number | null;
  @Field(() => String, { nullable: true, description: '硬度' }) @Column('varchar', { length: 32, nullable: true }) hardness: string | null;
  @Field(() => String, { nullable: true, description: '单重, e.g. 0.35 kg' }) @Column('varchar', { length: 32, nullable: true }) unitWeight: string | null;
  @Field(() => String, { nullable: true, description: '包装' }) @Column('varchar', { length: 128, nullable: true }) packaging: string | null;
  @Field(() => String, { nullable: true, description: '认证标准' }) @Column('varchar', { length: 128, nullable: true }) certificationStandard: string | null;
  @Field(() => String, { nullable: true, description: '检验标准' }) @Column('varchar', { length: 128, nullable: true }) inspectionStandard: string | null;
  @Field(() => String, { nullable: true, description: '颜色' }) @Column('varchar', { length: 32, nullable: true }) colour: string | null;
  /** 工艺备注; read through RequirementTicketResolver.craftNotes only. */
  @Column('text', { nullable: true }) craftNotes: string | null;

  @Field(() => [String], { nullable: true, description: 'Spec fields engineering asked to change (status CHANGES_REQUESTED) / 需修改字段' })
  @Column('simple-json', { nullable: true })
  changesRequestedFields: string[] | null;
  @Field(() => String, { nullable: true, description: "Engineering's comment with the change request" })
  @Column('varchar', { length: 1000, nullable: true })
  changesRequestedComment: string | null;

  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime' }) updatedAt: Date;
}
