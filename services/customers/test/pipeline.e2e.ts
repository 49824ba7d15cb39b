// Stage moves, evidence and follow-ups through the real gateway (LIANXIAO_GRAPHQL_URL).
// Works on a fresh seed and when run again on the same database: it picks a QUOTATION customer
// of rep.east1 that has no evidence yet (each run moves one such customer on to CONTRACT).
import { createHash, randomBytes } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

interface Evidence { id: string; type: string; sha256: string; sizeBytes: number; duplicateOfCustomerId: string | null; stageCode: string }
interface Transition { fromStage: string; toStage: string; movedBy: string; daysInPreviousStage: number }
interface CustomerNode { id: string; stage: string; evidence: Evidence[]; stageTransitions: Transition[] }

const CUSTOMERS = `query($stage: String) { customers(stage: $stage, first: 200) { nodes { id stage evidence { id } } } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) {
  id stage node lastInteractionAt nextActionDate
  evidence { id type sha256 sizeBytes duplicateOfCustomerId stageCode }
  stageTransitions { fromStage toStage movedBy daysInPreviousStage }
  nextStep { code messageZh messageEn }
} }`;
const MOVE = `mutation($id: ID!, $to: String!) { moveStage(customerId: $id, toStage: $to) { id stage node } }`;
const ADD_EVIDENCE = `mutation($id: ID!, $input: AddEvidenceInput!) { addEvidence(customerId: $id, input: $input) {
  id type sha256 sizeBytes mimeType duplicateOfCustomerId stageCode uploadedBy watermarkAt
} }`;
const COMPLETE_NODE = `mutation($id: ID!, $node: String!) { completeNode(customerId: $id, nodeCode: $node) { nodeCode completedBy } }`;
const ADD_FOLLOW_UP = `mutation($id: ID!, $input: AddFollowUpInput!) { addFollowUp(customerId: $id, input: $input) { id version summary } }`;
const EDIT_FOLLOW_UP = `mutation($id: ID!, $input: EditFollowUpInput!) { editFollowUp(id: $id, input: $input) {
  id version summary obstacle versions { version summary obstacle authoredBy }
} }`;

/** Small but real files: a PNG signature / a PDF header plus random bytes, so each run has its own hashes. */
const pngBytes = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
const pdfBytes = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function evidenceInput(type: string, bytes: Buffer, mimeType: string, watermarkAt?: Date) {
  return { type, fileName: `${type.toLowerCase()}.${mimeType === 'application/pdf' ? 'pdf' : 'png'}`, mimeType, contentBase64: bytes.toString('base64'), watermarkAt: watermarkAt?.toISOString() };
}

async function customerAs(token: string, id: string) {
  const answer = await gql<{ customer: CustomerNode & { nextStep: { code: string } } }>(CUSTOMER, { id }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data!.customer;
}

describe('pipeline: a rep moves a quotation to contract', () => {
  let rep: string;
  let repId: string;
  let customerId: string;
  const sealScan = pdfBytes();

  beforeAll(async () => {
    rep = await tokenFor('rep.east1');
    repId = (await gql<{ me: { id: string } }>('{ me { id } }', {}, rep)).data!.me.id;
    const answer = await gql<{ customers: { nodes: CustomerNode[] } }>(CUSTOMERS, { stage: 'QUOTATION' }, rep);
    expect(answer.errors).toBeUndefined();
    const candidate = answer.data!.customers.nodes.find((c) => c.evidence.length === 0);
    if (!candidate) throw new Error('rep.east1 has no QUOTATION customer without evidence left: start from a fresh database');
    customerId = candidate.id;
  });

  it('failing: QUOTATION → CONTRACT without evidence is refused naming both missing files; nothing changes', async () => {
    const before = await customerAs(rep, customerId);
    const answer = await gql(MOVE, { id: customerId, to: 'CONTRACT' }, rep);
    expect(errorCodes(answer)).toEqual(['STAGE_CONDITIONS_UNMET']);
    const error = answer.errors![0].extensions!;
    expect(error.messageZh).toContain('缺少：合同盖章扫描件、签字页特写');
    expect(error.messageEn).toContain('Missing: contract scan with company seal, close-up of the signature page');
    expect((error.details as { code: string }[]).map((d) => d.code)).toEqual(['CONTRACT_SEAL_SCAN', 'SIGNATURE_PAGE_CLOSEUP']);
    const after = await customerAs(rep, customerId);
    expect(after.stage).toBe('QUOTATION');
    expect(after.stageTransitions).toEqual(before.stageTransitions);
  });

  it('failing: entering TRIAL needs technical alignment and a sample test report; completing the node leaves only the report', async () => {
    const refused = await gql(MOVE, { id: customerId, to: 'TRIAL' }, rep);
    expect(errorCodes(refused)).toEqual(['STAGE_CONDITIONS_UNMET']);
    expect(refused.errors![0].extensions!.messageZh).toContain('缺少：技术对齐、样品测试报告');
    expect(refused.errors![0].extensions!.messageEn).toContain('Missing: Technical alignment done, sample test report');

    const done = await gql<{ completeNode: { nodeCode: string; completedBy: string } }>(COMPLETE_NODE, { id: customerId, node: 'TECH_ALIGNED' }, rep);
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeNode).toEqual({ nodeCode: 'TECH_ALIGNED', completedBy: repId });
    const again = await gql(MOVE, { id: customerId, to: 'TRIAL' }, rep);
    expect(again.errors![0].extensions!.messageZh).toContain('缺少：样品测试报告');
    expect(again.errors![0].extensions!.messageZh).not.toContain('技术对齐');
    expect((await customerAs(rep, customerId)).stage).toBe('QUOTATION');
  });

  it('failing: completing a node that is not in the stage model is refused', async () => {
    expect(errorCodes(await gql(COMPLETE_NODE, { id: customerId, node: 'NO_SUCH_NODE' }, rep))).toEqual(['VALIDATION_FAILED']);
  });

  it('failing: quotation evidence whose watermark is 5 minutes off is refused and not stored', async () => {
    const answer = await gql(ADD_EVIDENCE, { id: customerId, input: evidenceInput('QUOTATION_ESIGNED', pdfBytes(), 'application/pdf', new Date(Date.now() - 5 * 60_000)) }, rep);
    expect(errorCodes(answer)).toEqual(['EVIDENCE_WATERMARK_MISMATCH']);
    expect(answer.errors![0].extensions!.messageZh).toContain('3 分钟');
    expect((await customerAs(rep, customerId)).evidence).toHaveLength(0);
  });

  it('successful: quotation evidence with a watermark 1 minute off is accepted', async () => {
    const watermark = new Date(Date.now() - 60_000);
    const answer = await gql<{ addEvidence: { watermarkAt: string; stageCode: string } }>(ADD_EVIDENCE, { id: customerId, input: evidenceInput('QUOTATION_ESIGNED', pdfBytes(), 'application/pdf', watermark) }, rep);
    expect(answer.errors).toBeUndefined();
    expect(new Date(answer.data!.addEvidence.watermarkAt).getTime()).toBe(watermark.getTime());
    expect(answer.data!.addEvidence.stageCode).toBe('QUOTATION');
  });

  it('failing: a file outside the MIME allow-list is refused', async () => {
    const answer = await gql(ADD_EVIDENCE, { id: customerId, input: { ...evidenceInput('OTHER', pngBytes(), 'image/png'), mimeType: 'image/gif' } }, rep);
    expect(errorCodes(answer)).toEqual(['VALIDATION_FAILED']);
  });

  it('successful: the seal scan and the signature close-up are stored with their SHA-256', async () => {
    const closeUp = pngBytes();
    const scan = await gql<{ addEvidence: Evidence & { uploadedBy: string } }>(ADD_EVIDENCE, { id: customerId, input: evidenceInput('CONTRACT_SEAL_SCAN', sealScan, 'application/pdf') }, rep);
    expect(scan.errors).toBeUndefined();
    expect(scan.data!.addEvidence).toMatchObject({ type: 'CONTRACT_SEAL_SCAN', sha256: sha256(sealScan), sizeBytes: sealScan.length, duplicateOfCustomerId: null, uploadedBy: repId });
    const page = await gql<{ addEvidence: Evidence }>(ADD_EVIDENCE, { id: customerId, input: evidenceInput('SIGNATURE_PAGE_CLOSEUP', closeUp, 'image/png') }, rep);
    expect(page.errors).toBeUndefined();
    expect(page.data!.addEvidence.sha256).toBe(sha256(closeUp));
  });

  it('successful: with both files the move to CONTRACT is accepted and recorded', async () => {
    const answer = await gql<{ moveStage: { stage: string; node: string } }>(MOVE, { id: customerId, to: 'CONTRACT' }, rep);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.moveStage).toEqual({ id: customerId, stage: 'CONTRACT', node: 'CONTRACT_NEGOTIATION' });
    const after = await customerAs(rep, customerId);
    expect(after.stageTransitions.at(-1)).toMatchObject({ fromStage: 'QUOTATION', toStage: 'CONTRACT', movedBy: repId });
    expect(after.stageTransitions.at(-1)!.daysInPreviousStage).toBeGreaterThanOrEqual(0);
  });

  it('successful: the same file as evidence of another customer is flagged, not refused', async () => {
    const leads = await gql<{ customers: { nodes: CustomerNode[] } }>(CUSTOMERS, { stage: 'LEAD' }, rep);
    const other = leads.data!.customers.nodes[0];
    const answer = await gql<{ addEvidence: Evidence }>(ADD_EVIDENCE, { id: other.id, input: evidenceInput('OTHER', sealScan, 'application/pdf') }, rep);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.addEvidence.duplicateOfCustomerId).toBe(customerId);
  });

  it('failing: skipping a stage is refused with its own code', async () => {
    const leads = await gql<{ customers: { nodes: CustomerNode[] } }>(CUSTOMERS, { stage: 'LEAD' }, rep);
    const lead = leads.data!.customers.nodes[0];
    const answer = await gql(MOVE, { id: lead.id, to: 'SAMPLING' }, rep);
    expect(errorCodes(answer)).toEqual(['STAGE_SKIP_NOT_ALLOWED']);
    expect(answer.errors![0].extensions!.messageZh).toContain('询盘');
    expect((await customerAs(rep, lead.id)).stage).toBe('LEAD');
  });

  it('failing: another rep cannot move this customer (not in their scope)', async () => {
    const answer = await gql(MOVE, { id: customerId, to: 'QUOTATION' }, await tokenFor('rep.east2'));
    expect(errorCodes(answer)).toEqual(['NOT_FOUND']);
  });

  it('successful: a follow-up edited once keeps both versions and updates the customer', async () => {
    const before = await customerAs(rep, customerId);
    const added = await gql<{ addFollowUp: { id: string; version: number } }>(ADD_FOLLOW_UP, {
      id: customerId,
      input: { type: 'VISIT', summary: '拜访采购部，确认合同条款', obstacle: '付款周期', nextAction: '发送合同终稿', nextActionDate: '2099-01-15', latitude: 31.3, longitude: 120.6 },
    }, rep);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addFollowUp.version).toBe(1);
    const customer = await customerAs(rep, customerId);
    expect(customer.nextActionDate).toBe('2099-01-15');
    expect(new Date((customer as unknown as { lastInteractionAt: string }).lastInteractionAt).getTime())
      .toBeGreaterThanOrEqual(new Date((before as unknown as { lastInteractionAt: string }).lastInteractionAt).getTime());

    const edited = await gql<{ editFollowUp: { version: number; summary: string; obstacle: string; versions: { version: number; summary: string; authoredBy: string }[] } }>(
      EDIT_FOLLOW_UP, { id: added.data!.addFollowUp.id, input: { summary: '拜访采购部，合同条款已确认', obstacle: '无' } }, rep);
    expect(edited.errors).toBeUndefined();
    const followUp = edited.data!.editFollowUp;
    expect(followUp).toMatchObject({ version: 2, summary: '拜访采购部，合同条款已确认', obstacle: '无' });
    expect(followUp.versions.map((v) => [v.version, v.summary])).toEqual([[1, '拜访采购部，确认合同条款'], [2, '拜访采购部，合同条款已确认']]);
    expect(followUp.versions.every((v) => v.authoredBy === repId)).toBe(true);
  });

  it('failing: dealer staff may not move stages, add evidence or follow-ups', async () => {
    const dealer = await tokenFor('dealer05');
    expect(errorCodes(await gql(MOVE, { id: customerId, to: 'QUOTATION' }, dealer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(ADD_EVIDENCE, { id: customerId, input: evidenceInput('OTHER', pngBytes(), 'image/png') }, dealer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(ADD_FOLLOW_UP, { id: customerId, input: { type: 'CALL', summary: 'x' } }, dealer))).toEqual(['FORBIDDEN']);
    expect((await customerAs(rep, customerId)).stage).toBe('CONTRACT');
  });
});
