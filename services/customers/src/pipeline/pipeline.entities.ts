import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum FollowUpType {
  VISIT = 'VISIT',
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  WECHAT = 'WECHAT',
}
registerEnumType(FollowUpType, { name: 'FollowUpType', description: 'Visit, call, email or WeChat / 跟进方式' });

@ObjectType({ description: 'A file attached to a customer as proof for a stage / 阶段佐证附件' })
@Entity('evidence')
@Index(['customerId', 'uploadedAt'])
export class Evidence {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field({ description: 'Stage of the customer when the file was added' }) @Column('varchar', { length: 16 }) stageCode: string;
  @Field({ description: 'SAMPLE_TEST_REPORT, QUOTATION_ESIGNED, CONTRACT_SEAL_SCAN, SIGNATURE_PAGE_CLOSEUP, DELIVERY_NOTE or OTHER' }) @Column('varchar', { length: 32 }) type: string;
  @Field() @Column('varchar', { length: 255 }) fileName: string;
  @Field() @Column('varchar', { length: 64 }) mimeType: string;
  @Field(() => Int) @Column('int') sizeBytes: number;
  @Field({ description: 'SHA-256 of the content, hex' }) @Index() @Column('varchar', { length: 64 }) sha256: string;
  @Field(() => Date, { nullable: true, description: 'E-signature watermark time printed on the document' }) @Column('datetime', { nullable: true, precision: 3 }) watermarkAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'Set when the same file is already evidence of another customer (flagged, not refused)' }) @Column('varchar', { length: 36, nullable: true }) duplicateOfCustomerId: string | null;
  @Field(() => ID) @Column('varchar', { length: 36 }) uploadedBy: string;
  @Field() @Column('datetime', { precision: 3 }) uploadedAt: Date;
}

@ObjectType({ description: 'A pipeline node marked done for a customer / 已完成节点' })
@Entity('node_completion')
@Index(['customerId', 'nodeCode'], { unique: true })
export class NodeCompletion {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 32 }) nodeCode: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) completedBy: string;
  @Field() @Column('datetime', { precision: 3 }) completedAt: Date;
}

@ObjectType({ description: 'One stage move of a customer / 阶段变更记录' })
@Entity('stage_transition')
@Index(['customerId', 'movedAt'])
export class StageTransition {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field() @Column('varchar', { length: 16 }) fromStage: string;
  @Field() @Column('varchar', { length: 16 }) toStage: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) movedBy: string;
  @Field() @Column('datetime', { precision: 3 }) movedAt: Date;
  @Field(() => Float, { description: 'Days the customer spent in the previous stage' }) @Column('decimal', { precision: 9, scale: 2, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } }) daysInPreviousStage: number;
}

@ObjectType({ description: 'A follow-up (current version); edits keep every version / 跟进记录' })
@Entity('follow_up')
@Index(['customerId', 'createdAt'])
export class FollowUp {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) customerId: string;
  @Field(() => FollowUpType) @Column('varchar', { length: 8 }) type: FollowUpType;
  @Field() @Column('text') summary: string;
  @Field(() => String, { nullable: true, description: '关键障碍' }) @Column('varchar', { length: 500, nullable: true }) obstacle: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) nextAction: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) @Column({ type: 'date', nullable: true, utc: true }) nextActionDate: string | null;
  @Field(() => Float, { nullable: true }) @Column('double', { nullable: true }) latitude: number | null;
  @Field(() => Float, { nullable: true }) @Column('double', { nullable: true }) longitude: number | null;
  @Field(() => ID) @Column('varchar', { length: 36 }) createdBy: string;
  @Field() @Column('datetime', { precision: 3 }) createdAt: Date;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) editedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true, precision: 3 }) editedAt: Date | null;
  @Field(() => Int, { description: 'Current version, from 1' }) @Column('int') version: number;
}

/** Append-only: one row per version of a follow-up, the current one included. */
@ObjectType({ description: 'One version of a follow-up, never changed once written / 跟进记录版本' })
@Entity('follow_up_version')
@Index(['followUpId', 'version'], { unique: true })
export class FollowUpVersion {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) followUpId: string;
  @Field(() => Int) @Column('int') version: number;
  @Field(() => FollowUpType) @Column('varchar', { length: 8 }) type: FollowUpType;
  @Field() @Column('text') summary: string;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) obstacle: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) nextAction: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'date', nullable: true, utc: true }) nextActionDate: string | null;
  @Field(() => Float, { nullable: true }) @Column('double', { nullable: true }) latitude: number | null;
  @Field(() => Float, { nullable: true }) @Column('double', { nullable: true }) longitude: number | null;
  @Field(() => ID, { description: 'Who wrote this version' }) @Column('varchar', { length: 36 }) authoredBy: string;
  @Field() @Column('datetime', { precision: 3 }) authoredAt: Date;
}

@ObjectType({ description: 'The proposed next step for a customer / 下一步建议' })
export class NextStepRecommendation {
  @Field() code: string;
  @Field() messageZh: string;
  @Field() messageEn: string;
}

@ObjectType({ description: 'One item a customer still lacks for a stage move / 推进阶段还缺的一项' })
export class MissingStageItem {
  @Field({ description: 'node, field or evidence' }) kind: string;
  @Field({ description: 'Node code, customer field name or evidence type' }) code: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
}

@ObjectType({
  description:
    'A stage the customer may move forward to, with what it still lacks under the stage-model version it entered its stage under (the same check moveStage makes) / 可推进的阶段及所缺条件',
})
export class StageMoveTarget {
  @Field() stageCode: string;
  @Field() nameZh: string;
  @Field() nameEn: string;
  @Field() optional: boolean;
  @Field(() => [MissingStageItem], { description: 'Empty when the move would be accepted' }) missing: MissingStageItem[];
}
