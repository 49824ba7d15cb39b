// The stage model as data through the real gateway: an admin edits a stage's conditions, which
// publishes a new model version; a customer already in a stage keeps the version it entered
// under, a customer entering later gets the new one. Also: every move appends
// customers.stage-changed.v1 in the move's transaction (read from the customers database's outbox).
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';
import { addEvidence, createCustomer, customersOutbox, MOVE, moveTo, userId, waitUntil } from './alerts-fixtures';

interface Conditions { requiredNodes: string[]; requiredFields: string[]; requiredEvidence: string[] }
interface VersionNode { version: number; note: string | null; createdBy: string | null; stages: { code: string; entryConditions: Conditions; exitConditions: Conditions }[] }

const VERSIONS = `{ stageModelVersions { version note createdBy effectiveFrom stages { code entryConditions { requiredNodes requiredFields requiredEvidence } exitConditions { requiredNodes requiredFields requiredEvidence } } } }`;
const UPDATE = `mutation($input: UpdateStageConditionsInput!) { updateStageConditions(input: $input) { version note createdBy stages { code entryConditions { requiredNodes requiredFields requiredEvidence } } } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id stage stageModelVersion } }`;
const MOVE_TARGETS = `query($id: ID!) { customer(id: $id) { id stageModelVersion stageMoveTargets { stageCode optional missing { kind code nameZh nameEn } } } }`;

interface MoveTarget { stageCode: string; optional: boolean; missing: { kind: string; code: string; nameZh: string; nameEn: string }[] }

let admin: string;

async function versions(): Promise<VersionNode[]> {
  const answer = await gql<{ stageModelVersions: VersionNode[] }>(VERSIONS, {}, admin);
  expect(answer.errors).toBeUndefined();
  return answer.data!.stageModelVersions;
}

/** What the customer's stage bar shows as still missing for a forward move to `stageCode`. */
async function missingFor(id: string, stageCode: string): Promise<string[]> {
  const answer = await gql<{ customer: { stageMoveTargets: MoveTarget[] } }>(MOVE_TARGETS, { id }, admin);
  expect(answer.errors).toBeUndefined();
  const target = answer.data!.customer.stageMoveTargets.find((t) => t.stageCode === stageCode);
  expect(target).toBeDefined();
  return target!.missing.map((m) => `${m.kind}:${m.code}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function customerVersion(id: string): Promise<number> {
  const answer = await gql<{ customer: { stageModelVersion: number } }>(CUSTOMER, { id }, admin);
  expect(answer.errors).toBeUndefined();
  return answer.data!.customer.stageModelVersion;
}

beforeAll(async () => {
  admin = await tokenFor('admin');
});

describe('stage model versions', () => {
  it('successful: an existing customer keeps its version; a customer entering after the change must meet the new condition', async () => {
    const adminId = await userId(admin);
    const before = await versions();
    const current = before[0];
    const sampling = current.stages.find((s) => s.code === 'SAMPLING')!;

    // A enters 询盘 under the current version.
    const a = await createCustomer(admin, adminId);
    await moveTo(admin, a.id, ['INQUIRY']);
    expect(await customerVersion(a.id)).toBe(current.version);

    // The admin makes entering 打样 require an "other" attachment: a new version.
    const stricter = { ...sampling.entryConditions, requiredEvidence: [...sampling.entryConditions.requiredEvidence, 'OTHER'] };
    const changed = await gql<{ updateStageConditions: VersionNode }>(UPDATE, { input: { stageCode: 'SAMPLING', entry: stricter, note: '打样需上传需求附件（测试）' } }, admin);
    expect(changed.errors).toBeUndefined();
    const v2 = changed.data!.updateStageConditions;
    try {
      expect(v2.version).toBe(current.version + 1);
      expect(v2).toMatchObject({ note: '打样需上传需求附件（测试）', createdBy: adminId });
      expect(v2.stages.find((s) => s.code === 'SAMPLING')!.entryConditions.requiredEvidence).toContain('OTHER');
      expect((await versions())[0].version).toBe(v2.version);

      // B enters 询盘 after the change (stage entry times have whole seconds).
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const b = await createCustomer(admin, adminId);
      await moveTo(admin, b.id, ['INQUIRY']);
      expect(await customerVersion(b.id)).toBe(v2.version);
      expect(await customerVersion(a.id)).toBe(current.version);

      const refused = await gql(MOVE, { id: b.id, to: 'SAMPLING' }, admin);
      expect(errorCodes(refused)).toEqual(['STAGE_CONDITIONS_UNMET']);
      expect(refused.errors![0].extensions!.messageZh).toContain('其他附件');
      expect(refused.errors![0].extensions!.messageEn).toContain('other attachment');

      const allowed = await gql(MOVE, { id: a.id, to: 'SAMPLING' }, admin);
      expect(allowed.errors).toBeUndefined();
    } finally {
      // Back to the previous conditions (a further version), so other tests meet the usual model.
      const restored = await gql(UPDATE, { input: { stageCode: 'SAMPLING', entry: sampling.entryConditions, note: '恢复（测试）' } }, admin);
      expect(restored.errors).toBeUndefined();
    }
  });

  it('successful: the missing list on the stage bar is the one of the customer\'s version, and a move is refused for exactly what it lists', async () => {
    const adminId = await userId(admin);
    const contract = (await versions())[0].stages.find((s) => s.code === 'CONTRACT')!;

    // A reaches 报价 under the current version; B stops at 打样 for now.
    const a = await createCustomer(admin, adminId);
    await moveTo(admin, a.id, ['INQUIRY', 'SAMPLING', 'QUOTATION']);
    const b = await createCustomer(admin, adminId);
    await moveTo(admin, b.id, ['INQUIRY', 'SAMPLING']);
    const before = await missingFor(a.id, 'CONTRACT');
    expect(before).toEqual(['evidence:CONTRACT_SEAL_SCAN', 'evidence:SIGNATURE_PAGE_CLOSEUP']);
    // Both 试产评估 (optional) and 合同 are open from 报价.
    const targets = (await gql<{ customer: { stageMoveTargets: MoveTarget[] } }>(MOVE_TARGETS, { id: a.id }, admin)).data!.customer.stageMoveTargets;
    expect(targets.map((t) => [t.stageCode, t.optional])).toEqual([['TRIAL', true], ['CONTRACT', false]]);

    // Stage entry times are stored to the second: keep A's entry clearly before the new version.
    await pause(1100);
    const stricter = { ...contract.entryConditions, requiredNodes: [...contract.entryConditions.requiredNodes, 'QUOTE_CONFIRMED'], requiredEvidence: [...contract.entryConditions.requiredEvidence, 'OTHER'] };
    const changed = await gql<{ updateStageConditions: VersionNode }>(UPDATE, { input: { stageCode: 'CONTRACT', entry: stricter, note: '合同需报价确认与其他附件（测试）' } }, admin);
    expect(changed.errors).toBeUndefined();
    try {
      // A keeps its version: the bar does not list the new items.
      expect(await missingFor(a.id, 'CONTRACT')).toEqual(before);

      // B enters 报价 after the change: the bar lists the new items, and the refusal names exactly those.
      await pause(1100);
      await moveTo(admin, b.id, ['QUOTATION']);
      expect(await customerVersion(b.id)).toBe(changed.data!.updateStageConditions.version);
      const bMissing = await missingFor(b.id, 'CONTRACT');
      expect(bMissing).toEqual(['node:QUOTE_CONFIRMED', 'evidence:CONTRACT_SEAL_SCAN', 'evidence:SIGNATURE_PAGE_CLOSEUP', 'evidence:OTHER']);
      await addEvidence(admin, b.id, 'CONTRACT_SEAL_SCAN');
      await addEvidence(admin, b.id, 'SIGNATURE_PAGE_CLOSEUP');
      expect(await missingFor(b.id, 'CONTRACT')).toEqual(['node:QUOTE_CONFIRMED', 'evidence:OTHER']);
      const refused = await gql(MOVE, { id: b.id, to: 'CONTRACT' }, admin);
      expect(errorCodes(refused)).toEqual(['STAGE_CONDITIONS_UNMET']);
      const details = refused.errors![0].extensions!.details as { kind: string; code: string }[];
      expect(details.map((d) => `${d.kind}:${d.code}`)).toEqual(await missingFor(b.id, 'CONTRACT'));

      // A, with only the two files its version asks for, moves on; the bar had nothing left to show.
      await addEvidence(admin, a.id, 'CONTRACT_SEAL_SCAN');
      await addEvidence(admin, a.id, 'SIGNATURE_PAGE_CLOSEUP');
      expect(await missingFor(a.id, 'CONTRACT')).toEqual([]);
      const moved = await gql<{ moveStage: { stage: string } }>(MOVE, { id: a.id, to: 'CONTRACT' }, admin);
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.moveStage.stage).toBe('CONTRACT');
    } finally {
      const restored = await gql(UPDATE, { input: { stageCode: 'CONTRACT', entry: contract.entryConditions, note: '恢复（测试）' } }, admin);
      expect(restored.errors).toBeUndefined();
    }
  });

  it('failing: an unknown node or evidence type is refused naming it, and no version is written', async () => {
    const before = (await versions())[0].version;
    const answer = await gql(UPDATE, { input: { stageCode: 'QUOTATION', entry: { requiredNodes: ['NO_SUCH_NODE'], requiredFields: [], requiredEvidence: ['NO_SUCH_FILE'] } } }, admin);
    expect(errorCodes(answer)).toEqual(['VALIDATION_FAILED']);
    const details = answer.errors![0].extensions!.details as { messageZh: string; messageEn: string }[];
    expect(details.map((d) => d.messageEn)).toEqual(['Node NO_SUCH_NODE is not in the stage model', expect.stringContaining('Unknown evidence type NO_SUCH_FILE')]);
    expect((await versions())[0].version).toBe(before);
  });

  it('failing: only an admin edits the model; a director reads the versions, a rep does not', async () => {
    const director = await tokenFor('director');
    expect(errorCodes(await gql(UPDATE, { input: { stageCode: 'QUOTATION', entry: { requiredNodes: [], requiredFields: [], requiredEvidence: [] } } }, director))).toEqual(['FORBIDDEN']);
    expect((await gql(VERSIONS, {}, director)).errors).toBeUndefined();
    expect(errorCodes(await gql(VERSIONS, {}, await tokenFor('rep.east1')))).toEqual(['FORBIDDEN']);
  });
});

describe('customers.stage-changed.v1', () => {
  it('successful: a move writes the event with who, when, from, to and the time in the previous stage', async () => {
    const rep = await tokenFor('rep.east1');
    const repId = await userId(rep);
    const customer = await createCustomer(admin, repId);
    await moveTo(rep, customer.id, ['INQUIRY']);
    const events = await waitUntil(async () => {
      const rows = (await customersOutbox(customer.id)).filter((r) => r.topic === 'customers.stage-changed.v1');
      return rows.length ? rows : undefined;
    });
    expect(events).toHaveLength(1);
    const event = events[0].payload as { type: string; subject: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: 'customers.stage-changed.v1', subject: customer.id });
    expect(event.data).toMatchObject({ customerId: customer.id, fromStage: 'LEAD', toStage: 'INQUIRY', ownerId: repId, changedBy: { id: repId } });
    expect(typeof event.data.daysInPreviousStage).toBe('number');
    expect(Date.parse(event.data.changedAt as string)).toBeGreaterThanOrEqual(Date.parse(event.data.previousStageEnteredAt as string));

    // A refused move writes nothing.
    const refused = await gql(MOVE, { id: customer.id, to: 'QUOTATION' }, rep);
    expect(errorCodes(refused)).toEqual(['STAGE_SKIP_NOT_ALLOWED']);
    expect((await customersOutbox(customer.id)).filter((r) => r.topic === 'customers.stage-changed.v1')).toHaveLength(1);
  });
});
