import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { StageConditions } from './stage-conditions';

/** A stage as it stood in one version of the model (stored as JSON in the version row). */
export interface StageSnapshot {
  code: string;
  nameZh: string;
  nameEn: string;
  order: number;
  optional: boolean;
  entryConditions: StageConditions | null;
  exitConditions: StageConditions | null;
  nodes: { code: string; stageCode: string; nameZh: string; nameEn: string; order: number }[];
}

@ObjectType({ description: 'Conditions of one stage inside a model version / 某版本中的阶段条件' })
export class StageVersionStage {
  @Field() code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field(() => Int) order: number;
  @Field() optional: boolean;
  @Field(() => StageConditions) entryConditions: StageConditions;
  @Field(() => StageConditions) exitConditions: StageConditions;
  @Field(() => [String], { description: 'Node codes in order' }) nodeCodes: string[];
}

/**
 * One published version of the stage model. A customer is checked against the version in force
 * when it entered its current stage (effectiveFrom ≤ stageEnteredAt); version 1 is the seed.
 */
@ObjectType({ description: 'A version of the stage model; customers keep the version they entered their stage under / 阶段模型版本' })
@Entity('stage_model_version')
export class StageModelVersion {
  @Field(() => Int) @PrimaryColumn('int') version: number;
  @Field({ description: 'Customers entering a stage from this time on use this version' }) @Column('datetime', { precision: 3 }) effectiveFrom: Date;
  @Field() @Column('datetime', { precision: 3 }) createdAt: Date;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) createdBy: string | null;
  @Field(() => String, { nullable: true, description: 'What changed, e.g. 合同阶段增加报价单要求' }) @Column('varchar', { length: 500, nullable: true }) note: string | null;
  @Column('simple-json') stages: StageSnapshot[];
}
