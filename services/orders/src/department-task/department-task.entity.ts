import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Department } from './sla';

registerEnumType(Department, { name: 'Department', description: 'ENGINEERING 技术 / PROCUREMENT 采购 / PRODUCTION 生产' });

export enum DepartmentTaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(DepartmentTaskStatus, { name: 'DepartmentTaskStatus', description: 'OPEN 待处理 / IN_PROGRESS 处理中 / DONE 已完成' });

/** One department's part of a submitted requirement ticket, with its SLA due time. */
@ObjectType({ description: 'A department task split from a submitted requirement ticket / 部门任务' })
@Entity('department_task')
@Index(['ticketId'])
@Index(['department', 'status'])
export class DepartmentTask {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) ticketId: string;
  @Field(() => Department) @Column('varchar', { length: 16 }) department: Department;
  @Field({ description: 'Role that owns the task, e.g. ENGINEER' }) @Column('varchar', { length: 16 }) ownerRole: string;
  @Field({ description: "Ticket's sales region" }) @Column('varchar', { length: 16 }) region: string;
  @Field({ description: '技术评审 / 物料可得性确认 / 产能评估' }) @Column('varchar', { length: 64 }) title: string;
  @Field(() => DepartmentTaskStatus) @Column('varchar', { length: 16 }) status: DepartmentTaskStatus;
  @Field({ description: 'Due time from the SLA table' }) @Column('datetime') dueAt: Date;
  @Field() @CreateDateColumn({ type: 'datetime' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) firstActionAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) doneAt: Date | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) doneBy: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) note: string | null;
  @Field(() => Date, { nullable: true, description: 'When the owner was reminded before the due time / 到期提醒时间' })
  @Column('datetime', { nullable: true })
  remindedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the overdue task was escalated to the director / 超时升级时间' })
  @Column('datetime', { nullable: true })
  escalatedAt: Date | null;
}
