import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ImportKind {
  CUSTOMERS = 'CUSTOMERS',
  FOLLOW_UPS = 'FOLLOW_UPS',
}
registerEnumType(ImportKind, { name: 'ImportKind', description: 'CUSTOMERS 客户 / FOLLOW_UPS 跟进记录' });

export enum ImportStatus {
  /** Chunks are arriving. */
  UPLOADING = 'UPLOADING',
  /** Dry run in progress: every row is checked, nothing is written. */
  VALIDATING = 'VALIDATING',
  /** Dry run found no problem; ready to commit. */
  VALID = 'VALID',
  /** Dry run found problems (see errors); a corrected file must be uploaded as a new job. */
  INVALID = 'INVALID',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  /** Commit failed and was rolled back: nothing was written. */
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus', description: 'UPLOADING 上传中 / VALIDATING 校验中 / VALID 校验通过 / INVALID 有错误 / COMMITTING 导入中 / COMMITTED 已导入 / FAILED 失败（未写入）' });

@ObjectType({ description: 'A problem in one cell of an imported file / 导入错误' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row in the file as Excel numbers it (header = 1)' }) row: number;
  @Field({ description: 'Column header as in the file' }) column: string;
  @Field() reasonZh: string;
  @Field() reasonEn: string;
}

/** Kept errors per job (all are counted in errorCount). */
export const MAX_STORED_ERRORS = 100;

@ObjectType({ description: 'An import of a CSV / XLSX file: upload → dry run → commit / 导入任务' })
@Entity('import_job')
@Index(['createdBy', 'createdAt'])
export class ImportJob {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ImportKind) @Column('varchar', { length: 16 }) kind: ImportKind;
  @Field() @Column('varchar', { length: 255 }) fileName: string;
  @Field(() => ImportStatus) @Column('varchar', { length: 16 }) status: ImportStatus;
  @Field(() => Int) @Column('int') sizeBytes: number;
  @Field(() => Int) @Column('int') receivedBytes: number;
  /** SHA-256 of each uploaded chunk, in order; the bytes live in the file storage. */
  @Column('simple-json') chunkHashes: string[];
  @Field(() => String, { nullable: true, description: 'Region a supervisor’s import is limited to' }) @Column('varchar', { length: 16, nullable: true }) region: string | null;
  @Field(() => Int, { description: 'Data rows in the file (known after the dry run)' }) @Column('int', { default: 0 }) totalRows: number;
  @Field(() => Int, { description: 'Rows checked (dry run) or written (commit) so far' }) @Column('int', { default: 0 }) processedRows: number;
  @Field(() => Int) @Column('int', { default: 0 }) errorCount: number;
  @Field(() => [ImportRowError], { description: `First ${MAX_STORED_ERRORS} problems in file order` }) @Column('simple-json') errors: ImportRowError[];
  @Field(() => Int) @Column('int', { default: 0 }) committedRows: number;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) failureZh: string | null;
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 500, nullable: true }) failureEn: string | null;
  @Field(() => ID) @Column('varchar', { length: 36 }) createdBy: string;
  @Field() @Column('datetime', { precision: 3 }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column('datetime', { precision: 3, nullable: true }) finishedAt: Date | null;
}
