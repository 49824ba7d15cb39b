import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Caller, DomainError, ErrorDetail, hasRole, newId, Role } from '@lianxiao/platform';
import { DRAWING_STORAGE, DrawingStorage } from './drawing-storage';
import { RequirementTicketService } from './requirement-ticket.service';
import { AttachDrawingInput, DrawingFile, TicketDrawing } from './ticket-drawing.entity';

export const MAX_DRAWING_BYTES = 20 * 1024 * 1024;
export const DRAWING_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/vnd.dwg', 'image/vnd.dxf'] as const;
const MAX_DRAWINGS = 20;

/** What the first bytes of each type look like (DXF is text: no magic number). */
function contentMatches(mimeType: string, bytes: Buffer): boolean {
  switch (mimeType) {
    case 'application/pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8;
    case 'image/vnd.dwg':
      return bytes.subarray(0, 4).toString('latin1') === 'AC10';
    default:
      return true;
  }
}

/** Validates a drawing file: refuses empty, oversized, wrong-type files before anything is stored. */
export function checkDrawing(input: AttachDrawingInput): { ok: true; bytes: Buffer; sha256: string } | { ok: false; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const name = input.fileName?.trim() ?? '';
  if (!name || name.length > 255 || /[\\/]/.test(name)) details.push({ field: 'fileName', messageZh: '文件名须为 1–255 个字符且不含路径', messageEn: 'fileName must be 1–255 characters without a path' });
  if (!(DRAWING_TYPES as readonly string[]).includes(input.mimeType)) {
    details.push({ field: 'mimeType', messageZh: '图纸须为 PDF、PNG、JPEG、DWG 或 DXF', messageEn: 'A drawing must be PDF, PNG, JPEG, DWG or DXF' });
  }
  const b64 = (input.contentBase64 ?? '').replace(/\s+/g, '');
  if (b64.length > Math.ceil((MAX_DRAWING_BYTES * 4) / 3) + 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    details.push({ field: 'contentBase64', messageZh: '文件内容须为不超过 20 MB 的 Base64', messageEn: 'contentBase64 must be Base64 of at most 20 MB' });
    return { ok: false, details };
  }
  const bytes = Buffer.from(b64, 'base64');
  if (!bytes.length) details.push({ field: 'contentBase64', messageZh: '文件为空', messageEn: 'The file is empty' });
  else if (bytes.length > MAX_DRAWING_BYTES) details.push({ field: 'contentBase64', messageZh: '文件超过 20 MB', messageEn: 'The file is larger than 20 MB' });
  else if (!details.length && !contentMatches(input.mimeType, bytes)) details.push({ field: 'contentBase64', messageZh: `文件内容与类型 ${input.mimeType} 不符`, messageEn: `The content is not a ${input.mimeType} file` });
  if (details.length) return { ok: false, details };
  return { ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

@Injectable()
export class TicketDrawingService {
  constructor(
    @InjectRepository(TicketDrawing) private readonly drawings: Repository<TicketDrawing>,
    @Inject(DRAWING_STORAGE) private readonly storage: DrawingStorage,
    private readonly ticketService: RequirementTicketService,
  ) {}

  async attach(caller: Caller, ticketId: string, input: AttachDrawingInput): Promise<TicketDrawing> {
    const check = checkDrawing(input);
    if (!check.ok) throw DomainError.validation(check.details);
    const ticket = await this.ticketService.findForCaller(caller, ticketId);
    if (!hasRole(caller, Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN)) throw DomainError.forbidden('attaching drawings', '上传图纸');
    if ((await this.drawings.countBy({ ticketId: ticket.id })) >= MAX_DRAWINGS) {
      throw DomainError.validation([{ field: 'ticketId', messageZh: `每个工单最多 ${MAX_DRAWINGS} 份图纸`, messageEn: `At most ${MAX_DRAWINGS} drawings per ticket` }]);
    }
    await this.storage.put(check.sha256, check.bytes);
    const row: TicketDrawing = {
      id: newId(), ticketId: ticket.id, fileName: input.fileName.trim(), mimeType: input.mimeType, sizeBytes: check.bytes.length,
      sha256: check.sha256, uploadedBy: caller.userId, uploadedAt: new Date(),
    };
    await this.drawings.insert(row);
    return this.drawings.findOneByOrFail({ id: row.id });
  }

  drawingsOf(ticketIds: readonly string[]): Promise<TicketDrawing[]> {
    if (!ticketIds.length) return Promise.resolve([]);
    return this.drawings.find({ where: { ticketId: In([...ticketIds]) }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  /** The file of a drawing on a ticket in the caller's scope; others answer NOT_FOUND. */
  async file(caller: Caller, drawingId: string): Promise<DrawingFile> {
    const drawing = await this.drawings.findOneBy({ id: drawingId });
    if (!drawing) throw DomainError.notFound('Drawing', '图纸', drawingId);
    await this.ticketService.findForCaller(caller, drawing.ticketId).catch(() => {
      throw DomainError.notFound('Drawing', '图纸', drawingId);
    });
    const bytes = await this.storage.get(drawing.sha256);
    if (!bytes) throw DomainError.notFound('Drawing file', '图纸文件', drawingId);
    return { fileName: drawing.fileName, mimeType: drawing.mimeType, contentBase64: bytes.toString('base64') };
  }
}
