import { Field, Int, ObjectType } from '@nestjs/graphql';
import { StageConditions } from './stage-conditions';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';

// Stage is declared first: StageNode's `stage` property type is emitted as decorator metadata.
@ObjectType({ description: 'A pipeline stage, stored as data and editable by an admin / 销售阶段' })
@Entity('stage')
export class Stage {
  @Field({ description: 'LEAD, INQUIRY, SAMPLING, QUOTATION, TRIAL, CONTRACT or DELIVERY' }) @PrimaryColumn('varchar', { length: 16 }) code: string;
  @Field() @Column('varchar', { length: 32 }) nameZh: string;
  @Field() @Column('varchar', { length: 64 }) nameEn: string;
  @Field(() => Int, { description: 'Position in the pipeline, from 1' }) @Column('int', { name: 'sortOrder' }) order: number;
  @Field({ description: 'An optional stage may be passed over by a forward move (e.g. 试产评估)' }) @Column('boolean', { default: false }) optional: boolean;
  @Field(() => StageConditions, { nullable: true, description: 'What must be true to enter this stage (forward moves) / 准入条件' }) @Column('simple-json', { nullable: true }) entryConditions: StageConditions | null;
  @Field(() => StageConditions, { nullable: true, description: 'What must be true to leave this stage forward / 准出条件' }) @Column('simple-json', { nullable: true }) exitConditions: StageConditions | null;
  @Field(() => [StageNode]) @OneToMany(() => StageNode, (n) => n.stage) nodes: StageNode[];
}

@ObjectType({ description: 'A node inside a pipeline stage / 阶段节点' })
@Entity('stage_node')
@Index(['stageCode', 'order'])
export class StageNode {
  @Field({ description: 'Stable code, e.g. SAMPLE_SENT' }) @PrimaryColumn('varchar', { length: 32 }) code: string;
  @Field() @Column('varchar', { length: 16 }) stageCode: string;
  @Field() @Column('varchar', { length: 32 }) nameZh: string;
  @Field() @Column('varchar', { length: 64 }) nameEn: string;
  @Field(() => Int, { description: 'Position inside the stage, from 1' }) @Column('int', { name: 'sortOrder' }) order: number;
  @ManyToOne(() => Stage, (s) => s.nodes, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'stageCode' }) stage?: Stage;
}
