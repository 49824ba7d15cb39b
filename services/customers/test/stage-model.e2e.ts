// The stage model as data through the real gateway: an admin edits a stage's conditions, which
// publishes a new model version; a customer already in a stage keeps the version it entered
// under, a customer entering later gets the new one. Also: every move appends
// customers.stage-changed.v1 in the move's transaction (read from the customers database's outbox).
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';
import { createCustomer, customersOutbox, MOVE, moveTo, userId, waitUntil } from './alerts-fixtures';

interface Conditions { requiredNodes: string[]; requiredFields: string[]; requiredEvidence: string[] }
interface VersionNode { version: number; note: string | null; createdBy: string | null; stages: { code: string; entryConditions: Conditions; exitConditions: Conditions }[] }

const VERSIONS = `{ stageModelVersions { version note createdBy effectiveFrom stages { code entryConditions { requiredNodes requiredFields requiredEvidence } exitConditions { requiredNodes requiredFields requiredEvidence } } } }`;
const UPDATE = `mutation($input: UpdateStageConditionsInput!) { updateStageConditions(input: $input) { version note createdBy stages { code entryConditions { requiredNodes requiredFields requiredEvidence } } } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id stage stageModelVersion } }`;

let admin: string;

async function versions(): Promise<VersionNode[]> {
  const answer = await gql<{ stageModelVersions: VersionNode[] }>(VERSIONS, {}, admin);
  expect(answer.errors).toBeUndefined();
  return answer.data!.stageModelVersions;
}

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
