import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { makeEvent, StockUploadedV1, Topics } from '@lianxiao/contracts';
import { Caller, dataScopeOf, DomainError, ErrorDetail, newId, OutboxWriter, payloadHash, RowError, withIdempotency } from '@lianxiao/platform';
import { Sku } from '../catalogue/sku.entity';
import { Dealer } from '../dealer/dealer.entity';
import { assertDealerActive } from '../dealer/dealer-profile.rules';
import { isIsoWeek, isoWeekOf, weekMonday, weeksBetween } from './iso-week';
import { readStockSheet, StockSheet } from './stock-sheet';
import { StockLine } from './stock-line.entity';
import { StockUpload } from './stock-upload.entity';

export const StockErrorCode = {
  STOCK_SHEET_INVALID: 'STOCK_SHEET_INVALID',
  STOCK_WEEK_INVALID: 'STOCK_WEEK_INVALID',
  STOCK_UPLOAD_CONFLICT: 'STOCK_UPLOAD_CONFLICT',
} as const;

export type StockUploadOutcome = 'DRY_RUN' | 'CREATED' | 'REPLACED' | 'UNCHANGED';
const INSERT_CHUNK = 1000;
const MAX_WEEKS_BACK = 26;

export interface StockUploadInput { fileBase64: string; fileName: string; isoWeek?: string | null; dryRun?: boolean | null; idempotencyKey?: string | null }

export interface StockSheetReport {
  isoWeek: string;
  dryRun: boolean;
  accepted: boolean;
  outcome: StockUploadOutcome | null;
  rowCount: number;
  lineCount: number;
  skuCount: number;
  totalQuantity: number;
  errorCount: number;
  errors: RowError[];
  contentHash: string;
  /** The week's sheet already stored: same content (re-upload changes nothing) or another version. */
  existingVersion: number | null;
  existingSameContent: boolean;
  upload: StockUpload | null;
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = String(e?.code ?? e?.driverError?.code ?? '');
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
}

export function isMysqlFamily(db: DataSource | EntityManager): boolean {
  const type = (db instanceof EntityManager ? db.dataSource : db).options.type;
  return type === 'mysql' || type === 'mariadb';
}

@Injectable()
export class StockUploadService {
  constructor(private readonly db: DataSource, private readonly outbox: OutboxWriter) {}

  /**
   * Dry run: the row-level report, nothing written. Commit: refused whole (STOCK_SHEET_INVALID with
   * the rows) if any row is bad; otherwise one transaction writes the week's lines, replacing an
   * earlier sheet of the same week only when the content differs, and appends
   * dealers.stock-uploaded.v1 to the outbox.
   */
  async upload(caller: Caller, input: StockUploadInput): Promise<StockSheetReport> {
    const scope = dataScopeOf(caller);
    if (scope.kind !== 'dealer') throw DomainError.forbidden('uploading a stock sheet (dealer staff only)', '上报库存（仅限经销商）');
    const dealerId = scope.dealerId;
    const isoWeek = this.checkWeek(input.isoWeek);
    const file = this.decode(input.fileBase64);
    const fileName = (input.fileName ?? '').trim().slice(0, 255) || 'stock.csv';
    const known = new Set((await this.db.getRepository(Sku).find({ select: { code: true } })).map((s) => s.code.toUpperCase()));
    const sheet = await readStockSheet(file, fileName, known);
    const existing = await this.db.getRepository(StockUpload).findOneBy({ dealerId, isoWeek });
    const report = (over: Partial<StockSheetReport>): StockSheetReport => ({
      isoWeek, dryRun: Boolean(input.dryRun), accepted: sheet.errorCount === 0, outcome: null, rowCount: sheet.rowCount,
      lineCount: sheet.lines.length, skuCount: sheet.skuCount, totalQuantity: sheet.totalQuantity, errorCount: sheet.errorCount,
      errors: sheet.errors, contentHash: sheet.contentHash, existingVersion: existing?.version ?? null,
      existingSameContent: existing?.contentHash === sheet.contentHash, upload: null, ...over,
    });
    if (input.dryRun) return report({ outcome: sheet.errorCount ? null : 'DRY_RUN' });
    if (sheet.errorCount) throw this.invalidSheet(sheet);
    const dealer = await this.db.getRepository(Dealer).findOneBy({ id: dealerId });
    if (dealer) assertDealerActive(dealer, '上报库存', 'upload stock sheets');

    const effect = (m: EntityManager) => this.write(m, caller, dealerId, isoWeek, fileName, sheet);
    let done: { uploadId: string; outcome: StockUploadOutcome };
    try {
      done = await this.db.transaction(async (tx) => {
        const key = input.idempotencyKey?.trim();
        if (!key) return effect(tx);
        const { result } = await withIdempotency(tx, `dealers.uploadStock:${dealerId}`, key, payloadHash({ isoWeek, contentHash: sheet.contentHash }), effect, caller.userId);
        return result;
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new DomainError(StockErrorCode.STOCK_UPLOAD_CONFLICT, `${isoWeek} 的库存表正在被另一次上传写入，请稍后重试`, `Another upload of ${isoWeek} is being written; please retry`, [], 409);
      }
      throw error;
    }
    const upload = await this.db.getRepository(StockUpload).findOneByOrFail({ id: done.uploadId });
    return report({ outcome: done.outcome, upload, existingVersion: upload.version, existingSameContent: true });
  }

  private async write(m: EntityManager, caller: Caller, dealerId: string, isoWeek: string, fileName: string, sheet: StockSheet): Promise<{ uploadId: string; outcome: StockUploadOutcome }> {
    const uploads = m.getRepository(StockUpload);
    const qb = uploads.createQueryBuilder('u').where('u.dealerId = :dealerId AND u.isoWeek = :isoWeek', { dealerId, isoWeek });
    if (isMysqlFamily(m)) qb.setLock('pessimistic_write');
    const existing = await qb.getOne();
    if (existing && existing.contentHash === sheet.contentHash) return { uploadId: existing.id, outcome: 'UNCHANGED' };
    const uploadedAt = new Date();
    const values = { contentHash: sheet.contentHash, fileName, lineCount: sheet.lines.length, skuCount: sheet.skuCount, totalQuantity: sheet.totalQuantity, uploadedBy: caller.userId, uploadedAt };
    let uploadId: string;
    if (existing) {
      uploadId = existing.id;
      await m.getRepository(StockLine).delete({ dealerId, isoWeek });
      await uploads.update({ id: existing.id }, { ...values, version: existing.version + 1 });
    } else {
      uploadId = newId();
      await uploads.insert({ id: uploadId, dealerId, isoWeek, version: 1, ...values });
    }
    await insertLines(m, dealerId, isoWeek, sheet.lines);
    const perSku = new Map<string, number>();
    for (const l of sheet.lines) perSku.set(l.skuCode, (perSku.get(l.skuCode) ?? 0) + l.quantity);
    const data: StockUploadedV1 = {
      uploadId, dealerId, asOf: weekMonday(isoWeek), contentHash: sheet.contentHash,
      lines: [...perSku].sort(([a], [b]) => a.localeCompare(b)).map(([sku, quantity]) => ({ sku, quantity })), uploadedAt: uploadedAt.toISOString(),
    };
    await this.outbox.append(m, makeEvent({ type: Topics.stockUploaded, source: '/lianxiao/dealers', subject: dealerId, data }));
    return { uploadId, outcome: existing ? 'REPLACED' : 'CREATED' };
  }

  private checkWeek(week: string | null | undefined): string {
    const current = isoWeekOf(Date.now());
    const isoWeek = week?.trim() || current;
    const bad = (zh: string, en: string) => new DomainError(StockErrorCode.STOCK_WEEK_INVALID, zh, en, [{ field: 'isoWeek', messageZh: zh, messageEn: en }]);
    if (!isIsoWeek(isoWeek)) throw bad(`周次 ${isoWeek} 格式不正确，应为 2026-W48`, `Week ${isoWeek} is not an ISO week like 2026-W48`);
    const back = weeksBetween(isoWeek, current);
    if (back < 0) throw bad(`不能上报未来周次 ${isoWeek}`, `Cannot upload stock for the future week ${isoWeek}`);
    if (back > MAX_WEEKS_BACK) throw bad(`只能补报最近 ${MAX_WEEKS_BACK} 周的库存`, `Only the last ${MAX_WEEKS_BACK} weeks can be uploaded`);
    return isoWeek;
  }

  private decode(fileBase64: string): Buffer {
    const text = (fileBase64 ?? '').replace(/^data:[^;]*;base64,/, '').replace(/\s+/g, '');
    if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
      throw DomainError.validation([{ field: 'fileBase64', messageZh: '文件内容不是有效的 Base64', messageEn: 'fileBase64 is not valid base64' }]);
    }
    return Buffer.from(text, 'base64');
  }

  private invalidSheet(sheet: StockSheet): DomainError {
    const details: ErrorDetail[] = sheet.errors.map((e) => ({ field: e.column, row: e.row, column: e.column, messageZh: `第 ${e.row} 行 ${e.column}：${e.reasonZh}`, messageEn: `row ${e.row} ${e.column}: ${e.reasonEn}` }));
    return new DomainError(
      StockErrorCode.STOCK_SHEET_INVALID,
      `库存表有 ${sheet.errorCount} 处错误，整表未导入`,
      `The stock sheet has ${sheet.errorCount} error(s); nothing was imported`,
      details,
      422,
    );
  }
}

/**
 * Multi-row INSERTs in chunks, written as one parameterised statement per chunk through the
 * transaction's connection: the ORM's per-row insert machinery (subscribers, entity mapping) costs
 * several times the database work on a 100k-row sheet (see bench/stock.mjs). The upload row itself
 * still goes through the repository, so the audit trail records the sheet.
 */
export async function insertLines(m: EntityManager, dealerId: string, isoWeek: string, lines: readonly { skuCode: string; batch: string; warehouse: string; quantity: number }[]): Promise<void> {
  const q = (name: string) => m.dataSource.driver.escape(name);
  const head = `INSERT INTO ${q('stock_line')} (${['id', 'dealerId', 'isoWeek', 'skuCode', 'batch', 'warehouse', 'quantity'].map(q).join(', ')}) VALUES `;
  for (let i = 0; i < lines.length; i += INSERT_CHUNK) {
    const chunk = lines.slice(i, i + INSERT_CHUNK);
    const params: (string | number)[] = [];
    for (const l of chunk) params.push(newId(), dealerId, isoWeek, l.skuCode, l.batch, l.warehouse, l.quantity);
    await m.query(head + chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', '), params);
  }
}
