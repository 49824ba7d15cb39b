import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Caller, ConnectionShape, createLogger, dataScopeOf, DomainError, newId, OutboxWriter, pageWindow, readTabular, RowError, toConnection, type TabularColumns } from '@lianxiao/platform';
import { makeEvent, Topics, type CloudEvent } from '@lianxiao/contracts';
import { Customer } from '../customer';
import { FollowUp, FollowUpVersion, FILE_STORAGE, type FileStorage } from '../pipeline';
import { StageService } from '../stage';
import { CUSTOMER_IMPORT_COLUMNS, CustomerImportRow, FOLLOW_UP_IMPORT_COLUMNS, FollowUpImportRow } from './import-columns';
import { ImportJob, ImportKind, ImportStatus, MAX_STORED_ERRORS } from './import-job.entity';
import { CustomerImportPlan, FollowUpImportPlan, planCustomerImport, planFollowUpImport, PlanContext } from './import-plan';
import { StartImportInput } from './import.dto';
import { bulkAppendToOutbox, bulkInsert } from './bulk-insert';
import { ImportErrorCode, INSERT_CHUNK, MAX_CHUNK_BYTES, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './import-vocabulary';

type Prepared =
  | { kind: ImportKind.CUSTOMERS; plan: CustomerImportPlan; errors: RowError[]; errorCount: number; totalRows: number }
  | { kind: ImportKind.FOLLOW_UPS; plan: FollowUpImportPlan; errors: RowError[]; errorCount: number; totalRows: number };

const log = createLogger('customers-import');

function slices<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports of customers and follow-ups: chunked upload (each chunk fits the gateway's body
 * limit), a dry run that reports every row problem and writes nothing, then a commit that checks
 * again and writes the whole file in ONE transaction with multi-row inserts — or nothing.
 * Progress of the running step is kept in memory (polled through `importJob`) and in the row.
 */
@Injectable()
export class ImportService implements OnModuleDestroy {
  private readonly progress = new Map<string, number>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly stages: StageService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private regionOf(caller: Caller): string | null {
    const scope = dataScopeOf(caller);
    if (scope.kind === 'region') return scope.region;
    if (scope.kind === 'all') return null;
    throw DomainError.forbidden('imports', '导入');
  }

  async start(caller: Caller, input: StartImportInput): Promise<ImportJob> {
    const region = this.regionOf(caller);
    const fileName = (input.fileName ?? '').trim();
    const details = [];
    if (!/^[^\\/]{1,250}\.(csv|xlsx|txt)$/i.test(fileName)) details.push({ field: 'fileName', messageZh: '文件须为 .csv 或 .xlsx', messageEn: 'The file must be .csv or .xlsx' });
    if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1 || input.sizeBytes > MAX_IMPORT_BYTES) {
      details.push({ field: 'sizeBytes', messageZh: `文件大小须在 1 字节到 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 之间`, messageEn: `The file must be 1 byte to ${MAX_IMPORT_BYTES / 1024 / 1024} MB` });
    }
    if (details.length) throw DomainError.validation(details);
    const job: ImportJob = {
      id: newId(), kind: input.kind, fileName, status: ImportStatus.UPLOADING, sizeBytes: input.sizeBytes, receivedBytes: 0, chunkHashes: [],
      region, totalRows: 0, processedRows: 0, errorCount: 0, errors: [], committedRows: 0, failureZh: null, failureEn: null,
      createdBy: caller.userId, createdAt: new Date(), finishedAt: null,
    };
    await this.db.getRepository(ImportJob).insert(job);
    return this.find(caller, job.id);
  }

  /** Appends chunk `index` (0-based, in order; re-sending the last one is harmless). The last chunk starts the dry run. */
  async uploadChunk(caller: Caller, jobId: string, index: number, contentBase64: string): Promise<ImportJob> {
    const job = await this.find(caller, jobId);
    const b64 = (contentBase64 ?? '').replace(/\s+/g, '');
    const bad = (zh: string, en: string) => new DomainError(ImportErrorCode.IMPORT_CHUNK_INVALID, zh, en, [{ field: 'contentBase64', messageZh: zh, messageEn: en }]);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length > Math.ceil(MAX_CHUNK_BYTES / 3) * 4 + 4) throw bad('分片须为不超过 1 MB 的 Base64', 'A chunk must be Base64 of at most 1 MiB');
    const bytes = Buffer.from(b64, 'base64');
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (index < job.chunkHashes.length && job.chunkHashes[index] === hash) return job;
    if (job.status !== ImportStatus.UPLOADING) throw this.wrongStatus(job, ImportStatus.UPLOADING);
    if (!Number.isInteger(index) || index !== job.chunkHashes.length) throw bad(`应上传第 ${job.chunkHashes.length} 个分片（收到 ${index}）`, `Expected chunk ${job.chunkHashes.length} (got ${index})`);
    if (bytes.length === 0 || bytes.length > MAX_CHUNK_BYTES) throw bad('分片为空或超过 1 MB', 'The chunk is empty or larger than 1 MiB');
    if (job.receivedBytes + bytes.length > job.sizeBytes) throw bad('上传内容超过声明的文件大小', 'More bytes than the announced file size');
    await this.storage.put(hash, bytes, 'application/octet-stream');
    const receivedBytes = job.receivedBytes + bytes.length;
    const complete = receivedBytes === job.sizeBytes;
    const updated = await this.db.getRepository(ImportJob).update(
      { id: job.id, status: ImportStatus.UPLOADING, receivedBytes: job.receivedBytes },
      { chunkHashes: [...job.chunkHashes, hash], receivedBytes, ...(complete ? { status: ImportStatus.VALIDATING } : {}) },
    );
    if (updated.affected !== 1) throw DomainError.conflict('另一个分片同时在上传，请按顺序上传', 'Another chunk was uploaded at the same time; upload chunks in order');
    if (complete) this.background(job.id, () => this.runDryRun(caller, job.id));
    return this.find(caller, job.id);
  }

  async commit(caller: Caller, jobId: string): Promise<ImportJob> {
    const job = await this.find(caller, jobId);
    if (job.status === ImportStatus.COMMITTING || job.status === ImportStatus.COMMITTED) return job;
    if (job.status !== ImportStatus.VALID) throw this.wrongStatus(job, ImportStatus.VALID);
    const updated = await this.db.getRepository(ImportJob).update({ id: job.id, status: ImportStatus.VALID }, { status: ImportStatus.COMMITTING, processedRows: 0 });
    if (updated.affected === 1) this.background(job.id, () => this.runCommit(caller, job.id));
    return this.find(caller, job.id);
  }

  /** The caller's own job, with the live progress of a running step. */
  async find(caller: Caller, id: string): Promise<ImportJob> {
    const job = await this.db.getRepository(ImportJob).findOneBy({ id, createdBy: caller.userId });
    if (!job) throw DomainError.notFound('Import', '导入任务', id);
    const live = this.progress.get(id);
    if (live !== undefined && (job.status === ImportStatus.VALIDATING || job.status === ImportStatus.COMMITTING)) job.processedRows = live;
    return job;
  }

  async list(caller: Caller, args: { first?: number; offset?: number; after?: string }): Promise<ConnectionShape<ImportJob>> {
    const window = pageWindow(args, 20);
    const [nodes, total] = await this.db.getRepository(ImportJob).findAndCount({ where: { createdBy: caller.userId }, order: { createdAt: 'DESC', id: 'ASC' }, skip: window.skip, take: window.take });
    return toConnection(nodes, total, window);
  }

  private wrongStatus(job: ImportJob, wanted: ImportStatus): DomainError {
    return new DomainError(ImportErrorCode.IMPORT_WRONG_STATUS, `导入任务状态为 ${job.status}，此操作需要 ${wanted}`, `The import is ${job.status}; this needs ${wanted}`, [], 409);
  }

  private background(jobId: string, work: () => Promise<void>): void {
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(work).catch(async (error: unknown) => {
      log.error({ err: error, jobId }, 'import step failed');
      const zh = error instanceof DomainError ? error.messageZh : '导入失败，未写入任何数据';
      const en = error instanceof DomainError ? error.messageEn : 'The import failed; nothing was written';
      await this.db.getRepository(ImportJob).update({ id: jobId }, { status: ImportStatus.FAILED, failureZh: zh.slice(0, 500), failureEn: en.slice(0, 500), finishedAt: new Date() }).catch(() => undefined);
    }).finally(() => {
      this.progress.delete(jobId);
      this.running.delete(run);
    });
    this.running.add(run);
  }

  private async fileOf(job: ImportJob): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (const hash of job.chunkHashes) {
      const part = await this.storage.get(hash);
      if (!part) throw new DomainError(ImportErrorCode.IMPORT_CHUNK_INVALID, '上传的文件已不可用，请重新上传', 'The uploaded file is no longer available; upload it again', [], 410);
      parts.push(part);
    }
    return Buffer.concat(parts);
  }

  /** Reads and checks the whole file; the same code serves the dry run and the commit. */
  async prepare(caller: Caller, job: ImportJob, file: Buffer, onRow?: (n: number) => void): Promise<Prepared> {
    const ctx: PlanContext = {
      caller, region: job.region, now: new Date(), newId,
      firstNodeOfLead: (await this.stages.listWithNodes()).find((s) => s.code === 'LEAD')?.nodes?.[0]?.code ?? 'LEAD_CAPTURED',
    };
    let n = 0;
    const read = async <T>(columns: TabularColumns<T>) =>
      readTabular<T>(file, { columns, fileName: job.fileName, limits: { maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS, maxErrors: MAX_STORED_ERRORS }, onRow: () => { if (++n % 1000 === 0) onRow?.(n); } });
    if (job.kind === ImportKind.CUSTOMERS) {
      const r = await read<CustomerImportRow>(CUSTOMER_IMPORT_COLUMNS);
      const codes = [...new Set(r.rows.map((x) => x.values.creditCode?.trim().toUpperCase()).filter((c): c is string => !!c))];
      const existing = new Set<string>();
      for (const part of slices(codes, 500)) {
        for (const c of await this.db.getRepository(Customer).find({ select: { creditCode: true }, where: { creditCode: In(part) } })) existing.add(c.creditCode);
      }
      const { plan, errors } = planCustomerImport(r, existing, ctx);
      return { kind: ImportKind.CUSTOMERS, plan, ...this.mergeErrors(r.errors, r.errorCount, errors), totalRows: r.rowCount };
    }
    const r = await read<FollowUpImportRow>(FOLLOW_UP_IMPORT_COLUMNS);
    const codes = [...new Set(r.rows.map((x) => x.values.creditCode?.trim().toUpperCase()).filter((c): c is string => !!c))];
    const byCode = new Map<string, string>();
    for (const part of slices(codes, 500)) {
      const found = await this.db.getRepository(Customer).find({
        select: { id: true, creditCode: true },
        where: { creditCode: In(part), mergedIntoId: IsNull(), archivedAt: IsNull(), ...(job.region ? { region: job.region } : {}) },
      });
      for (const c of found) byCode.set(c.creditCode, c.id);
    }
    const { plan, errors } = planFollowUpImport(r, byCode, ctx);
    return { kind: ImportKind.FOLLOW_UPS, plan, ...this.mergeErrors(r.errors, r.errorCount, errors), totalRows: r.rowCount };
  }

  private mergeErrors(readErrors: RowError[], readCount: number, ruleErrors: RowError[]): { errors: RowError[]; errorCount: number } {
    const all = [...readErrors, ...ruleErrors].sort((a, b) => a.row - b.row);
    return { errors: all.slice(0, MAX_STORED_ERRORS), errorCount: readCount + ruleErrors.length };
  }

  private async runDryRun(caller: Caller, jobId: string): Promise<void> {
    const job = await this.db.getRepository(ImportJob).findOneByOrFail({ id: jobId });
    this.progress.set(jobId, 0);
    const prepared = await this.prepare(caller, job, await this.fileOf(job), (n) => this.progress.set(jobId, n));
    const valid = prepared.errorCount === 0 && prepared.totalRows > 0;
    await this.db.getRepository(ImportJob).update({ id: jobId }, {
      status: valid ? ImportStatus.VALID : ImportStatus.INVALID,
      totalRows: prepared.totalRows, processedRows: prepared.totalRows, errorCount: prepared.errorCount,
      errors: prepared.errors.length || prepared.totalRows > 0 ? prepared.errors : [{ row: 1, column: '', reasonZh: '文件中没有数据行', reasonEn: 'the file has no data rows' }],
      finishedAt: valid ? null : new Date(),
    });
  }

  private async runCommit(caller: Caller, jobId: string): Promise<void> {
    const job = await this.db.getRepository(ImportJob).findOneByOrFail({ id: jobId });
    this.progress.set(jobId, 0);
    // Checked again: data may have changed since the dry run (a credit code taken meanwhile).
    const prepared = await this.prepare(caller, job, await this.fileOf(job));
    if (prepared.errorCount > 0) {
      await this.db.getRepository(ImportJob).update({ id: jobId }, {
        status: ImportStatus.FAILED, errorCount: prepared.errorCount, errors: prepared.errors, finishedAt: new Date(),
        failureZh: '数据在校验后发生变化，导入前复核出错误，未写入任何数据', failureEn: 'The data changed after the dry run; the check before writing found problems and nothing was written',
      });
      return;
    }
    const written = await this.db.transaction((tx) => (prepared.kind === ImportKind.CUSTOMERS ? this.writeCustomers(tx, prepared.plan, jobId) : this.writeFollowUps(tx, prepared.plan, jobId)));
    await this.db.getRepository(ImportJob).update({ id: jobId }, { status: ImportStatus.COMMITTED, committedRows: written, processedRows: written, finishedAt: new Date() });
  }

  /** Multi-row inserts of the customers and their customers.customer-updated.v1 events (orders keeps name and credit code), in the caller's transaction. */
  async writeCustomers(tx: EntityManager, plan: CustomerImportPlan, jobId?: string): Promise<number> {
    let done = 0;
    for (const part of slices(plan.customers, INSERT_CHUNK)) {
      await bulkInsert(tx, Customer, part);
      const events: CloudEvent[] = part.map((c) => makeEvent({
        type: Topics.customerUpdated, source: '/lianxiao/customers', subject: c.id,
        data: { id: c.id, name: c.name, creditCode: c.creditCode, region: c.region, ownerId: c.ownerId, updatedAt: c.updatedAt.toISOString() },
      }));
      await bulkAppendToOutbox(tx, this.outbox, events);
      done += part.length;
      if (jobId) this.progress.set(jobId, done);
    }
    return done;
  }

  async writeFollowUps(tx: EntityManager, plan: FollowUpImportPlan, jobId?: string): Promise<number> {
    let done = 0;
    for (let i = 0; i < plan.followUps.length; i += INSERT_CHUNK) {
      await bulkInsert(tx, FollowUp, plan.followUps.slice(i, i + INSERT_CHUNK));
      await bulkInsert(tx, FollowUpVersion, plan.versions.slice(i, i + INSERT_CHUNK));
      done = Math.min(plan.followUps.length, i + INSERT_CHUNK);
      if (jobId) this.progress.set(jobId, done);
    }
    for (const [customerId, touch] of plan.touches) {
      await tx.createQueryBuilder().update(Customer)
        .set({ lastInteractionAt: touch.lastInteractionAt, ...(touch.nextActionDate ? { nextActionDate: touch.nextActionDate } : {}) })
        .where('id = :id AND lastInteractionAt < :at', { id: customerId, at: touch.lastInteractionAt })
        .callListeners(false).execute();
    }
    return done;
  }
}
