import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorCodes, gql, GraphQLAnswer, tokenFor } from '@lianxiao/testing';

// Waits for events and PDFs; a loaded CI machine needs more than the 5 s default.
jest.setTimeout(90_000);

/**
 * The printable technical agreement (Chinese with an embedded CJK font, parsed back with
 * pdftotext), craft notes printed for production only; ticket drawings through the storage port;
 * units on tolerance, hardness and unit weight.
 */

const CRAFT = `热处理后磨削，防止变形 ${randomBytes(2).toString('hex')}`;
const SPEC = {
  material: 'SKD11 模具钢', tolerance: '±0.02 mm', surfaceTreatment: '无', dimensions: '200×120×40 mm', quantity: 300,
  hardness: 'HRC 58-62', unitWeight: '2.400 kg', packaging: '防锈袋 + 木箱', certificationStandard: 'IATF 16949',
  inspectionStandard: '客户图纸 + 首件检验', colour: '本色', craftNotes: CRAFT,
};
const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.4\n% drawing\n'), randomBytes(512)]);

function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

function pdfText(base64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lx-agreement-'));
  const file = join(dir, 'agreement.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const CREATE = 'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id number } }';
const PDF = 'query($id: ID!) { agreementPdf(agreementId: $id) { fileName mimeType sizeBytes contentBase64 } }';

describe('technical agreement PDF and ticket drawings', () => {
  let rep: string, engineer: string, production: string;
  let ticket: { id: string; number: string };
  let agreementId: string;

  beforeAll(async () => {
    rep = await tokenFor('rep.east1');
    engineer = await tokenFor('engineer');
    production = await tokenFor('production');
    const customers = ok(await gql<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 3) { nodes { id } } }', {}, rep));
    ticket = ok(await gql<{ createRequirementTicket: { id: string; number: string } }>(CREATE, { input: { customerId: customers.customers.nodes[0].id, urgency: 'URGENT', requestedDeliveryDate: '2027-05-01', submit: false, ...SPEC } }, rep)).createRequirementTicket;
  });

  it('refuses values without their unit, naming the unit expected', async () => {
    const answer = await gql(CREATE, { input: { customerId: '00000000-0000-4000-8000-000000000001', urgency: 'NORMAL', submit: true, ...SPEC, tolerance: '0.02', unitWeight: '2.4' } }, rep);
    expect(errorCodes(answer)).toEqual(['VALIDATION_FAILED']);
    const details = (answer.errors![0].extensions!.details as { field: string; messageZh: string }[]);
    expect(details.map((d) => d.field)).toEqual(['tolerance', 'unitWeight']);
    expect(details[0].messageZh).toContain('±mm');
    expect(details[1].messageZh).toContain('kg');
  });

  it('attaches a drawing, lists it on the ticket and gives engineering the same bytes back', async () => {
    const attached = ok(await gql<{ attachTicketDrawing: { id: string; sizeBytes: number; sha256: string } }>(
      'mutation($t: ID!, $input: AttachDrawingInput!) { attachTicketDrawing(ticketId: $t, input: $input) { id sizeBytes sha256 } }',
      { t: ticket.id, input: { fileName: '支架图纸 A3.pdf', mimeType: 'application/pdf', contentBase64: PDF_BYTES.toString('base64') } },
      rep,
    )).attachTicketDrawing;
    expect(attached.sizeBytes).toBe(PDF_BYTES.length);

    const bad = await gql('mutation($t: ID!, $input: AttachDrawingInput!) { attachTicketDrawing(ticketId: $t, input: $input) { id } }',
      { t: ticket.id, input: { fileName: 'x.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('not a pdf').toString('base64') } }, rep);
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);

    const listed = ok(await gql<{ requirementTicket: { drawings: { id: string; fileName: string }[] } }>('query($id: ID!) { requirementTicket(id: $id) { drawings { id fileName } } }', { id: ticket.id }, engineer));
    expect(listed.requirementTicket.drawings).toEqual([{ id: attached.id, fileName: '支架图纸 A3.pdf' }]);
    const file = ok(await gql<{ ticketDrawingFile: { contentBase64: string; mimeType: string } }>('query($id: ID!) { ticketDrawingFile(drawingId: $id) { mimeType contentBase64 } }', { id: attached.id }, engineer));
    expect(Buffer.from(file.ticketDrawingFile.contentBase64, 'base64').equals(PDF_BYTES)).toBe(true);

    const otherRep = await gql('query($id: ID!) { ticketDrawingFile(drawingId: $id) { fileName } }', { id: attached.id }, await tokenFor('rep.south1'));
    expect(errorCodes(otherRep)).toEqual(['NOT_FOUND']);
  });

  it('prints the agreement with Chinese titles; craft notes only in production’s copy', async () => {
    ok(await gql('mutation($id: ID!) { submitRequirementTicket(ticketId: $id) { id } }', { id: ticket.id }, rep));
    agreementId = ok(await gql<{ approveSpec: { id: string } }>('mutation($id: ID!) { approveSpec(ticketId: $id) { id } }', { id: ticket.id }, engineer)).approveSpec.id;

    const forProduction = ok(await gql<{ agreementPdf: { fileName: string; mimeType: string; sizeBytes: number; contentBase64: string } }>(PDF, { id: agreementId }, production)).agreementPdf;
    expect(forProduction).toMatchObject({ fileName: `技术协议-${ticket.number}-v1.pdf`, mimeType: 'application/pdf' });
    expect(Buffer.from(forProduction.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(forProduction.contentBase64);
    for (const title of ['技术协议', '基本信息', '技术规格', '评审记录', '材质', '公差', '工艺备注', 'SKD11 模具钢', 'HRC 58-62', ticket.number]) expect(text).toContain(title);
    expect(text).toContain(CRAFT.slice(0, 8));

    const forRep = pdfText(ok(await gql<{ agreementPdf: { contentBase64: string } }>(PDF, { id: agreementId }, rep)).agreementPdf.contentBase64);
    expect(forRep).toContain('技术协议');
    expect(forRep).toContain('仅生产主管可见');
    expect(forRep).not.toContain(CRAFT.slice(0, 8));
  }, 60_000);

  it('puts the version in the legal queue and refuses the PDF outside the caller’s scope', async () => {
    const legal = await tokenFor('legal');
    // Oldest first: the new version is on the last page.
    const total = ok(await gql<{ legalQueue: { totalCount: number } }>('{ legalQueue(first: 0) { totalCount } }', {}, legal)).legalQueue.totalCount;
    const queue = ok(await gql<{ legalQueue: { nodes: { id: string; version: number; ticket: { number: string } }[] } }>(
      'query($o: Int) { legalQueue(first: 50, offset: $o) { nodes { id version ticket { number } } } }', { o: Math.max(0, total - 50) }, legal,
    )).legalQueue;
    expect(queue.nodes.find((n) => n.id === agreementId)).toEqual({ id: agreementId, version: 1, ticket: { number: ticket.number } });

    const south = await gql(PDF, { id: agreementId }, await tokenFor('rep.south1'));
    expect(errorCodes(south)).toEqual(['NOT_FOUND']);
    const dealer = await gql(PDF, { id: agreementId }, await tokenFor('dealer05'));
    expect(errorCodes(dealer)).toEqual(['FORBIDDEN']);
  }, 30_000);
});
