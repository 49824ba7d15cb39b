import { exceljs, renderPdf, type PdfDocument } from '@lianxiao/platform';
import { formatYuan } from '../finance/money';
import type { Statement } from './statement.entity';

const KIND_ZH: Record<string, string> = { INVOICE: '发票', PAYMENT: '回款' };
export const COMPANY_NAME = '联销制造有限公司';

export function statementFileName(s: Statement, ext: 'pdf' | 'xlsx'): string {
  return `${s.number}.${ext}`;
}

/** The statement as the customer sees it, Chinese first: header, balances, the month's lines. */
export function statementPdf(s: Statement): Promise<Buffer> {
  const rows = s.lines.map((l) => [
    l.date,
    KIND_ZH[l.kind] ?? l.kind,
    l.reference,
    l.contractNumber,
    { text: l.kind === 'INVOICE' ? formatYuan(l.amount) : '', alignment: 'right' as const },
    { text: l.kind === 'PAYMENT' ? formatYuan(l.amount) : '', alignment: 'right' as const },
  ]);
  const doc: PdfDocument = {
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    info: { title: `对账单 ${s.number}` },
    content: [
      { text: `${COMPANY_NAME} 客户对账单`, style: 'title' },
      { text: `Customer statement ${s.month}`, style: 'subtitle' },
      {
        columns: [
          { width: '*', text: [{ text: '客户：', bold: true }, s.customerName, '\n', { text: '对账期间：', bold: true }, `${s.month}`] },
          { width: 'auto', text: [{ text: '对账单号：', bold: true }, s.number, '\n', { text: '币种：', bold: true }, '人民币 CNY'] },
        ],
        margin: [0, 10, 0, 10],
      },
      {
        table: {
          widths: ['*', '*', '*', '*'],
          body: [
            [{ text: '期初余额', bold: true }, { text: '本期开票', bold: true }, { text: '本期回款', bold: true }, { text: '期末余额（应收）', bold: true }],
            [
              { text: formatYuan(s.openingBalance), alignment: 'right' },
              { text: formatYuan(s.invoicedAmount), alignment: 'right' },
              { text: formatYuan(s.paidAmount), alignment: 'right' },
              { text: formatYuan(s.closingBalance), bold: true, alignment: 'right' },
            ],
          ],
        },
        margin: [0, 0, 0, 14],
      },
      { text: '本期明细', bold: true, margin: [0, 0, 0, 4] },
      rows.length
        ? {
            table: {
              headerRows: 1,
              widths: [62, 34, '*', 70, 70, 70],
              body: [[{ text: '日期', bold: true }, { text: '类型', bold: true }, { text: '发票号/流水号', bold: true }, { text: '合同号', bold: true }, { text: '开票金额', bold: true, alignment: 'right' }, { text: '回款金额', bold: true, alignment: 'right' }], ...rows],
            },
            layout: 'lightHorizontalLines',
            fontSize: 9,
          }
        : { text: '本期无开票和回款。', italics: true },
      {
        text: '请核对以上金额，并通过邮件中的链接在线确认或提出异议。如确认金额与我方差异超过 5%，我方财务将与您联系。',
        margin: [0, 18, 0, 0],
        fontSize: 9,
      },
      { text: 'Please check the figures and confirm or dispute them online with the link in the e-mail.', fontSize: 8, color: '#666666' },
    ],
    styles: { title: { fontSize: 18, bold: true }, subtitle: { fontSize: 10, color: '#666666' } },
    defaultStyle: { fontSize: 10 },
  };
  return renderPdf(doc);
}

export async function statementXlsx(s: Statement): Promise<Buffer> {
  const wb = new (exceljs().Workbook)();
  wb.creator = 'Lianxiao';
  const ws = wb.addWorksheet('对账单');
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 24 }, { width: 16 }, { width: 16 }, { width: 16 }];
  ws.addRow([`${COMPANY_NAME} 客户对账单`]).font = { bold: true, size: 14 };
  ws.addRow(['客户', s.customerName]);
  ws.addRow(['对账期间', s.month]);
  ws.addRow(['对账单号', s.number]);
  ws.addRow([]);
  ws.addRow(['期初余额', '本期开票', '本期回款', '期末余额']).font = { bold: true };
  ws.addRow([s.openingBalance, s.invoicedAmount, s.paidAmount, s.closingBalance]);
  ws.addRow([]);
  ws.addRow(['日期', '类型', '发票号/流水号', '合同号', '开票金额', '回款金额']).font = { bold: true };
  for (const l of s.lines) {
    ws.addRow([l.date, KIND_ZH[l.kind] ?? l.kind, l.reference, l.contractNumber, l.kind === 'INVOICE' ? l.amount : null, l.kind === 'PAYMENT' ? l.amount : null]);
  }
  for (const col of [1, 2, 3, 4, 5, 6]) ws.getColumn(col).numFmt = '#,##0.00';
  ws.getColumn(1).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
