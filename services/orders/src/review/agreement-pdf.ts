import type { PdfDocument } from '@lianxiao/platform';
import { SPEC_FIELDS } from '../requirement-ticket/technical-spec';
import type { SpecSnapshot } from './agreement-diff';
import { AgreementStatus } from './technical-agreement.entity';

/** What the printed technical agreement shows. */
export interface AgreementPdfFacts {
  ticketNumber: string;
  customerName: string | null;
  creditCode: string | null;
  region: string;
  urgency: string;
  requestedDeliveryDate: string | null;
  version: number;
  status: AgreementStatus;
  spec: Partial<SpecSnapshot>;
  approvedAt: Date;
  legalReviewedAt: Date | null;
  legalComment: string | null;
  /** Craft notes are printed only for production supervisors (and admin). */
  showCraftNotes: boolean;
}

const STATUS_ZH: Record<AgreementStatus, string> = {
  [AgreementStatus.PENDING_LEGAL]: '待法务审核',
  [AgreementStatus.APPROVED]: '法务已批准',
  [AgreementStatus.REJECTED]: '法务已驳回',
};
const URGENCY_ZH: Record<string, string> = { LOW: '低', NORMAL: '普通', HIGH: '高', URGENT: '紧急' };
export const CRAFT_NOTES_WITHHELD = '（仅生产主管可见）';

const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 10) : '—');

/** pdfmake document of a technical agreement version: A4, Chinese first with English labels. */
export function agreementPdfDocument(f: AgreementPdfFacts): PdfDocument {
  const specRows = SPEC_FIELDS.map((field) => {
    const raw = f.spec[field.key];
    const value = field.key === 'craftNotes' && !f.showCraftNotes ? CRAFT_NOTES_WITHHELD : raw === null || raw === undefined ? '—' : String(raw);
    return [{ text: `${field.labelZh}\n${field.labelEn}`, style: 'label' }, { text: value }];
  });
  return {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    info: { title: `技术协议 ${f.ticketNumber} v${f.version}`, subject: 'Technical agreement' },
    defaultStyle: { fontSize: 10, lineHeight: 1.25 },
    styles: { title: { fontSize: 18, bold: true }, subtitle: { fontSize: 10, color: '#666666' }, h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] }, label: { color: '#444444' } },
    footer: (page: number, pages: number) => ({ text: `技术协议 ${f.ticketNumber} v${f.version} · 第 ${page} / ${pages} 页`, alignment: 'center', fontSize: 8, color: '#888888', margin: [0, 20, 0, 0] }),
    content: [
      { text: '技术协议', style: 'title' },
      { text: `Technical Agreement · ${f.ticketNumber} · 第 ${f.version} 版 (v${f.version}) · ${STATUS_ZH[f.status]}`, style: 'subtitle', margin: [0, 4, 0, 12] },
      { text: '基本信息', style: 'h2' },
      {
        table: {
          widths: [110, '*'],
          body: [
            [{ text: '客户名称', style: 'label' }, f.customerName ?? '—'],
            [{ text: '统一社会信用代码', style: 'label' }, f.creditCode ?? '—'],
            [{ text: '区域', style: 'label' }, f.region],
            [{ text: '需求工单', style: 'label' }, f.ticketNumber],
            [{ text: '紧急程度', style: 'label' }, URGENCY_ZH[f.urgency] ?? f.urgency],
            [{ text: '期望交期', style: 'label' }, f.requestedDeliveryDate ?? '—'],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: '技术规格', style: 'h2' },
      { table: { headerRows: 1, widths: [110, '*'], body: [[{ text: '项目 Field', bold: true }, { text: '要求 Requirement', bold: true }], ...specRows] }, layout: 'lightHorizontalLines' },
      { text: '评审记录', style: 'h2' },
      {
        table: {
          widths: [110, '*'],
          body: [
            [{ text: '技术评审通过', style: 'label' }, day(f.approvedAt)],
            [{ text: '法务审核', style: 'label' }, `${STATUS_ZH[f.status]}${f.legalReviewedAt ? `（${day(f.legalReviewedAt)}）` : ''}`],
            [{ text: '法务意见', style: 'label' }, f.legalComment ?? '—'],
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: '双方确认（签字盖章）', style: 'h2' },
      { columns: [{ text: '需方：\n\n\n签字：__________  日期：__________' }, { text: '供方：\n\n\n签字：__________  日期：__________' }] },
    ],
  } as PdfDocument;
}
