import { randomBytes, randomUUID } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

// Waits for events and PDFs; a loaded CI machine needs more than the 5 s default.
jest.setTimeout(90_000);

/**
 * The whole HQ chain through the gateway: ticket → three department tasks → engineering change
 * request → resubmission → approval (v1) → revision → approval (v2) → diff → legal approval →
 * contract → signing (idempotent). Creates its own ticket, so it passes on a fresh seed and again
 * on the same database.
 */

interface Task { id: string; ticketId: string; department: string; ownerRole: string; status: string; dueAt: string; createdAt: string }
interface Agreement { id: string; version: number; status: string; spec: { field: string; value: string | null }[] }
interface Change { field: string; labelZh: string; labelEn: string; before: string | null; after: string | null }

const SPEC = {
  material: '6061-T6 铝合金', tolerance: '±0.10 mm', surfaceTreatment: '阳极氧化', dimensions: '120×80×15 mm', quantity: 5000,
  hardness: 'HB 95', unitWeight: '0.35 kg', packaging: '珍珠棉 + 纸箱', certificationStandard: 'RoHS',
  inspectionStandard: 'GB/T 2828.1 AQL 1.0', colour: '银白', craftNotes: 'CNC 后去毛刺，关键尺寸全检',
};
const TASK_FIELDS = 'id ticketId department ownerRole status dueAt createdAt';
const UPDATE_SPEC = 'mutation($id: ID!, $input: UpdateRequirementTicketSpecInput!) { updateRequirementTicketSpec(ticketId: $id, input: $input) { id status tolerance } }';
const SUBMIT = 'mutation($id: ID!) { submitRequirementTicket(ticketId: $id) { id status changesRequestedFields } }';
const APPROVE_SPEC = 'mutation($id: ID!) { approveSpec(ticketId: $id) { id version status } }';
const HOUR = 3_600_000;

function ok<T>(answer: { data?: T; errors?: unknown[] }): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

describe('requirement ticket to signed contract', () => {
  let rep: string, engineer: string, procurement: string, production: string, legal: string;
  let ticketId: string;
  let v2: Agreement;
  let contractId: string;

  beforeAll(async () => {
    // One sign-in after the other: the identity service deadlocks on concurrent logins on MariaDB.
    rep = await tokenFor('rep.east1');
    engineer = await tokenFor('engineer');
    procurement = await tokenFor('procurement');
    production = await tokenFor('production');
    legal = await tokenFor('legal');
  });

  it('splits a submitted ticket into engineering, procurement and production tasks with SLA due times', async () => {
    const customers = ok(await gql<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 5) { nodes { id } } }', {}, rep));
    expect(customers.customers.nodes.length).toBeGreaterThan(0);
    const created = ok(
      await gql<{ createRequirementTicket: { id: string; status: string } }>(
        'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id status } }',
        { input: { customerId: customers.customers.nodes[0].id, urgency: 'NORMAL', requestedDeliveryDate: '2027-03-01', submit: true, ...SPEC } },
        rep,
      ),
    );
    ticketId = created.createRequirementTicket.id;
    expect(created.createRequirementTicket.status).toBe('SUBMITTED');

    const tasks = ok(await gql<{ requirementTicket: { tasks: Task[] } }>(`query($id: ID!) { requirementTicket(id: $id) { tasks { ${TASK_FIELDS} } } }`, { id: ticketId }, rep)).requirementTicket.tasks;
    expect(tasks.map((t) => t.department).sort()).toEqual(['ENGINEERING', 'PROCUREMENT', 'PRODUCTION']);
    const slaHours = { ENGINEERING: 24, PROCUREMENT: 48, PRODUCTION: 48 } as Record<string, number>;
    for (const t of tasks) {
      expect(t.status).toBe('OPEN');
      expect(new Date(t.dueAt).getTime() - new Date(t.createdAt).getTime()).toBe(slaHours[t.department] * HOUR);
    }

    for (const [token, department] of [[engineer, 'ENGINEERING'], [procurement, 'PROCUREMENT'], [production, 'PRODUCTION']] as const) {
      const inbox = ok(await gql<{ myTasks: { nodes: Task[] } }>(`{ myTasks(status: OPEN, first: 200) { nodes { ${TASK_FIELDS} } } }`, {}, token)).myTasks.nodes;
      expect(inbox.every((t) => t.department === department)).toBe(true);
      expect(inbox.some((t) => t.ticketId === ticketId)).toBe(true);
    }
  });

  it('records response times when procurement starts and completes its task', async () => {
    const inbox = ok(await gql<{ myTasks: { nodes: Task[] } }>(`{ myTasks(status: OPEN, first: 200) { nodes { ${TASK_FIELDS} } } }`, {}, procurement)).myTasks.nodes;
    const mine = inbox.find((t) => t.ticketId === ticketId)!;
    const refused = await gql('mutation($id: ID!) { startTask(taskId: $id) { id } }', { id: mine.id }, engineer);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    ok(await gql('mutation($id: ID!) { startTask(taskId: $id) { id status firstActionAt } }', { id: mine.id }, procurement));
    const done = ok(await gql<{ completeTask: { status: string; doneAt: string; note: string } }>(
      'mutation($id: ID!) { completeTask(taskId: $id, note: "6061 现货充足") { status doneAt note } }', { id: mine.id }, procurement,
    ));
    expect(done.completeTask).toMatchObject({ status: 'DONE', note: '6061 现货充足' });
    const times = ok(await gql<{ departmentResponseTimes: { department: string; averageFirstActionHours: number | null; averageDoneHours: number | null; count: number }[] }>(
      '{ departmentResponseTimes { department averageFirstActionHours averageDoneHours count } }', {}, await tokenFor('director'),
    )).departmentResponseTimes;
    const proc = times.find((t) => t.department === 'PROCUREMENT')!;
    expect(proc.count).toBeGreaterThan(0);
    expect(proc.averageDoneHours).toEqual(expect.any(Number));
  });

  it('sends the ticket back to sales with tolerance marked, and takes the resubmission', async () => {
    ok(await gql('mutation($id: ID!) { commentOnSpecField(ticketId: $id, field: "tolerance", comment: "±0.10 过松，配合面需 ±0.05") { id } }', { id: ticketId }, engineer));
    const sentBack = ok(await gql<{ requestSpecChanges: { status: string; changesRequestedFields: string[] } }>(
      'mutation($id: ID!) { requestSpecChanges(ticketId: $id, fields: ["tolerance"], comment: "公差请收紧到 ±0.05 mm") { status changesRequestedFields } }', { id: ticketId }, engineer,
    ));
    expect(sentBack.requestSpecChanges).toEqual({ status: 'CHANGES_REQUESTED', changesRequestedFields: ['tolerance'] });

    const seen = ok(await gql<{ requirementTicket: { status: string; changesRequestedFields: string[]; reviewComments: { field: string }[] } }>(
      'query($id: ID!) { requirementTicket(id: $id) { status changesRequestedFields reviewComments { field } } }', { id: ticketId }, rep,
    ));
    expect(seen.requirementTicket.status).toBe('CHANGES_REQUESTED');
    expect(seen.requirementTicket.changesRequestedFields).toEqual(['tolerance']);
    expect(seen.requirementTicket.reviewComments.every((c) => c.field === 'tolerance')).toBe(true);

    ok(await gql(UPDATE_SPEC, { id: ticketId, input: { tolerance: '±0.05 mm' } }, rep));
    const resubmitted = ok(await gql<{ submitRequirementTicket: { status: string; changesRequestedFields: string[] | null } }>(SUBMIT, { id: ticketId }, rep));
    expect(resubmitted.submitRequirementTicket).toMatchObject({ status: 'SUBMITTED', changesRequestedFields: null });
  });

  it('versions the agreement v1 → v2 and diffs tolerance, hiding craft notes from the rep', async () => {
    const v1 = ok(await gql<{ approveSpec: Agreement }>(APPROVE_SPEC, { id: ticketId }, engineer)).approveSpec;
    expect(v1).toMatchObject({ version: 1, status: 'PENDING_LEGAL' });

    ok(await gql(UPDATE_SPEC, { id: ticketId, input: { tolerance: '±0.03 mm', craftNotes: 'CNC 后去毛刺，配合面研磨' } }, rep));
    ok(await gql(SUBMIT, { id: ticketId }, rep));
    v2 = ok(await gql<{ approveSpec: Agreement }>(APPROVE_SPEC, { id: ticketId }, engineer)).approveSpec;
    expect(v2).toMatchObject({ version: 2, status: 'PENDING_LEGAL' });

    const versions = ok(await gql<{ agreementVersions: Agreement[] }>('query($id: ID!) { agreementVersions(ticketId: $id) { id version status } }', { id: ticketId }, engineer));
    expect(versions.agreementVersions.map((v) => v.version)).toEqual([1, 2]);

    const DIFF = 'query($id: ID!) { agreementDiff(ticketId: $id, from: 1, to: 2) { field labelZh labelEn before after } }';
    const forProduction = ok(await gql<{ agreementDiff: Change[] }>(DIFF, { id: ticketId }, production)).agreementDiff;
    expect(forProduction).toEqual([
      { field: 'tolerance', labelZh: '公差', labelEn: 'tolerance', before: '±0.05 mm', after: '±0.03 mm' },
      { field: 'craftNotes', labelZh: '工艺备注', labelEn: 'craft notes', before: SPEC.craftNotes, after: 'CNC 后去毛刺，配合面研磨' },
    ]);

    const forRep = await gql<{ agreementDiff: Change[] }>(DIFF, { id: ticketId }, rep);
    const repTolerance = forRep.data!.agreementDiff.find((c) => c.field === 'tolerance')!;
    expect(repTolerance).toMatchObject({ before: '±0.05 mm', after: '±0.03 mm' });
    const repCraft = forRep.data!.agreementDiff.find((c) => c.field === 'craftNotes')!;
    expect(repCraft).toMatchObject({ before: null, after: null });
    expect(new Set(errorCodes(forRep))).toEqual(new Set(['FIELD_HIDDEN']));

    const spec = await gql<{ agreementVersions: Agreement[] }>('query($id: ID!) { agreementVersions(ticketId: $id) { spec { field value } } }', { id: ticketId }, rep);
    expect(spec.data!.agreementVersions[1].spec.find((f) => f.field === 'craftNotes')!.value).toBeNull();
    expect(spec.data!.agreementVersions[1].spec.find((f) => f.field === 'tolerance')!.value).toBe('±0.03 mm');
    expect(new Set(errorCodes(spec))).toEqual(new Set(['FIELD_HIDDEN']));
  });

  it('lets only legal review, and only an approved version go into a contract', async () => {
    const byRep = await gql('mutation($id: ID!) { approveAgreement(agreementId: $id) { id } }', { id: v2.id }, rep);
    expect(errorCodes(byRep)).toEqual(['FORBIDDEN']);

    const input = {
      ticketId, agreementId: v2.id, amount: 186000, grossMargin: 0.32, currency: 'CNY', paymentTerms: '30% 预付，70% 发货前付清',
      firstPaymentDueDate: '2027-01-15', lines: [{ sku: 'LX-6061-120', partName: '铝合金支架', quantity: 5000, requestedDeliveryDate: '2027-03-01' }],
    };
    const CREATE = 'mutation($input: CreateContractInput!) { createContract(input: $input) { id number status agreementVersion priority { marginTier urgency health } } }';
    const early = await gql(CREATE, { input }, rep);
    expect(errorCodes(early)).toEqual(['AGREEMENT_NOT_APPROVED']);

    const approved = ok(await gql<{ approveAgreement: { status: string } }>('mutation($id: ID!) { approveAgreement(agreementId: $id) { status } }', { id: v2.id }, legal));
    expect(approved.approveAgreement.status).toBe('APPROVED');

    const created = ok(await gql<{ createContract: { id: string; number: string; status: string; agreementVersion: number; priority: Record<string, number> } }>(CREATE, { input }, rep)).createContract;
    contractId = created.id;
    expect(created).toMatchObject({ status: 'DRAFT', agreementVersion: 2 });
    expect(created.number).toMatch(/^HT-\d{4}-\d{4}$/);
    // NORMAL → 50 × 0.3 = 15; health default 50 × 0.2 = 10; the rep sees the margin as a tier only
    expect(created.priority).toEqual({ marginTier: 'HIGH', urgency: 15, health: 10 });
    const PRIORITY = 'query($id: ID!) { contract(id: $id) { priority { score margin marginTier urgency health } } }';
    // margin 0.32 → 64 × 0.5 = 32 points: the director may see it
    const forDirector = ok(await gql<{ contract: { priority: Record<string, unknown> } }>(PRIORITY, { id: contractId }, await tokenFor('director')));
    expect(forDirector.contract.priority).toEqual({ score: 57, margin: 32, marginTier: 'HIGH', urgency: 15, health: 10 });
    // score and margin points would give the rep the margin back (score − urgency − health)
    const forRep = await gql<{ contract: { priority: Record<string, unknown> } }>(PRIORITY, { id: contractId }, rep);
    expect(forRep.data!.contract.priority).toEqual({ score: null, margin: null, marginTier: 'HIGH', urgency: 15, health: 10 });
    expect(new Set(errorCodes(forRep))).toEqual(new Set(['FIELD_HIDDEN']));
    const twice = await gql(CREATE, { input }, rep);
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
  });

  it('signs once: a retry with the same key answers the same signedAt, another key is refused', async () => {
    const SIGN = 'mutation($id: ID!, $sha: String!, $key: String!) { signContract(contractId: $id, signedScanSha256: $sha, idempotencyKey: $key) { id status signedAt signedBy signedByName agreementVersion } }';
    const sha = randomBytes(32).toString('hex');
    const key = `sign-${randomUUID()}`;
    const first = ok(await gql<{ signContract: { status: string; signedAt: string; signedBy: string; signedByName: string; agreementVersion: number } }>(SIGN, { id: contractId, sha, key }, rep)).signContract;
    expect(first.status).toBe('SIGNED');
    expect(first).toMatchObject({ signedBy: expect.any(String), signedByName: '华东销售 王磊', agreementVersion: 2 });
    const retry = ok(await gql<{ signContract: { signedAt: string } }>(SIGN, { id: contractId, sha, key }, rep)).signContract;
    expect(retry.signedAt).toBe(first.signedAt);
    const other = await gql(SIGN, { id: contractId, sha, key: `sign-${randomUUID()}` }, rep);
    expect(errorCodes(other)).toEqual(['CONFLICT']);
  });

  it('refuses dealer staff every step', async () => {
    const dealer = await tokenFor('dealer05');
    const tasks = await gql('{ myTasks { totalCount } }', {}, dealer);
    expect(errorCodes(tasks)).toEqual(['FORBIDDEN']);
    const versions = await gql('query($id: ID!) { agreementVersions(ticketId: $id) { id } }', { id: ticketId }, dealer);
    expect(errorCodes(versions)).toEqual(['FORBIDDEN']);
    const sign = await gql('mutation($id: ID!) { signContract(contractId: $id, signedScanSha256: "x", idempotencyKey: "dealer-key-1") { id } }', { id: contractId }, dealer);
    expect(errorCodes(sign)).toEqual(['FORBIDDEN']);
  });
});
