import { errorCodes, gql, GraphQLAnswer, tokenFor } from '@lianxiao/testing';

// Waits for events and PDFs; a loaded CI machine needs more than the 5 s default.
jest.setTimeout(90_000);

/**
 * Department to-dos: a reminder before the due time and an escalation after, shown in the owner's
 * `myTasks`; the capacity queue ranked by priority with the margin hidden from production.
 */

const SPEC = {
  material: 'Q235B 碳钢', tolerance: '±0.1 mm', surfaceTreatment: '热镀锌', dimensions: '2400×60×40 mm', quantity: 1200,
  hardness: 'HB 120', unitWeight: '6.8 kg', packaging: '木托盘 + 缠绕膜', certificationStandard: 'CE',
  inspectionStandard: 'GB/T 2828.1 AQL 1.0', colour: '本色', craftNotes: '镀锌层厚度 ≥ 85 μm',
};
const HOUR = 3_600_000;

interface Task { id: string; ticketId: string; department: string; reminderState: string; remindedAt: string | null; escalatedAt: string | null; createdAt: string }

function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

const TASKS = '{ myTasks(first: 200, status: OPEN) { nodes { id ticketId department reminderState remindedAt escalatedAt createdAt } } }';
const RUN = 'mutation($at: DateTime) { runTaskReminders(at: $at) { at reminded escalated } }';

describe('department task reminders and escalation', () => {
  let ticketId: string;
  let createdAt: number;
  let admin: string;

  beforeAll(async () => {
    admin = await tokenFor('admin');
    const rep = await tokenFor('rep.east1');
    const customers = ok(await gql<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 2) { nodes { id } } }', {}, rep));
    ticketId = ok(await gql<{ createRequirementTicket: { id: string } }>(
      'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id } }',
      { input: { customerId: customers.customers.nodes[0].id, urgency: 'NORMAL', requestedDeliveryDate: '2027-06-01', submit: true, ...SPEC } },
      rep,
    )).createRequirementTicket.id;
  });

  async function myTask(username: string): Promise<Task> {
    const nodes = ok(await gql<{ myTasks: { nodes: Task[] } }>(TASKS, {}, await tokenFor(username))).myTasks.nodes;
    const task = nodes.find((t) => t.ticketId === ticketId);
    if (!task) throw new Error(`${username} has no open task for the ticket`);
    return task;
  }

  it('starts with no reminder on a fresh to-do', async () => {
    const task = await myTask('engineer');
    createdAt = new Date(task.createdAt).getTime();
    expect(task).toMatchObject({ department: 'ENGINEERING', reminderState: 'NONE', remindedAt: null, escalatedAt: null });
  });

  it('reminds engineering 6 h before its 24 h due time, not yet procurement (48 h)', async () => {
    const at = new Date(createdAt + 19 * HOUR).toISOString();
    const run = ok(await gql<{ runTaskReminders: { reminded: number; escalated: number } }>(RUN, { at }, admin)).runTaskReminders;
    expect(run.reminded).toBeGreaterThanOrEqual(1);
    expect(await myTask('engineer')).toMatchObject({ reminderState: 'REMINDED', remindedAt: at });
    expect(await myTask('procurement')).toMatchObject({ reminderState: 'NONE' });
    // Running again at the same time changes nothing for this task.
    ok(await gql(RUN, { at }, admin));
    expect((await myTask('engineer')).remindedAt).toBe(at);
  });

  it('escalates every unfinished task after its due time; the director sees them as escalated', async () => {
    const at = new Date(createdAt + 49 * HOUR).toISOString();
    ok(await gql(RUN, { at }, admin));
    for (const username of ['engineer', 'procurement', 'production']) {
      expect(await myTask(username)).toMatchObject({ reminderState: 'ESCALATED', escalatedAt: at });
    }
    const escalated = ok(await gql<{ myTasks: { totalCount: number; nodes: Task[] } }>(
      'query { myTasks(escalated: true, first: 200) { totalCount nodes { ticketId reminderState } } }', {}, await tokenFor('director'),
    )).myTasks;
    expect(escalated.totalCount).toBeGreaterThanOrEqual(3);
    expect(escalated.nodes.every((t) => t.reminderState === 'ESCALATED')).toBe(true);
  });

  it('lets only admin run the reminders', async () => {
    expect(errorCodes(await gql(RUN, {}, await tokenFor('director')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(RUN, {}, await tokenFor('engineer')))).toEqual(['FORBIDDEN']);
  });

  it('measures response time per department on the demo data', async () => {
    const times = ok(await gql<{ departmentResponseTimes: { department: string; averageFirstActionHours: number | null; averageDoneHours: number | null; count: number }[] }>(
      '{ departmentResponseTimes { department averageFirstActionHours averageDoneHours count } }', {}, await tokenFor('director'),
    )).departmentResponseTimes;
    expect(times.map((t) => t.department)).toEqual(['ENGINEERING', 'PROCUREMENT', 'PRODUCTION']);
    for (const t of times) {
      expect(t.count).toBeGreaterThan(0);
      expect(t.averageFirstActionHours).toBeGreaterThan(0);
      expect(t.averageDoneHours!).toBeGreaterThan(t.averageFirstActionHours!);
    }
  });
});

describe('capacity priority queue', () => {
  interface Item { rank: number; contract: { id: string; number: string }; priority: { score: number | null; margin: number | null; marginTier: string; urgency: number; health: number } }
  const QUEUE = '{ productionQueue(first: 50) { totalCount nodes { rank contract { id number } priority { score margin marginTier urgency health } } } }';

  it('ranks signed contracts by score, highest first, with the three components for the director', async () => {
    const queue = ok(await gql<{ productionQueue: { totalCount: number; nodes: Item[] } }>(QUEUE, {}, await tokenFor('director'))).productionQueue;
    expect(queue.totalCount).toBeGreaterThan(10);
    expect(queue.nodes.map((n) => n.rank)).toEqual(queue.nodes.map((_, i) => i + 1));
    for (let i = 1; i < queue.nodes.length; i++) expect(queue.nodes[i - 1].priority.score!).toBeGreaterThanOrEqual(queue.nodes[i].priority.score!);
    for (const n of queue.nodes) {
      const p = n.priority;
      expect(p.score).toBeCloseTo(p.margin! + p.urgency + p.health, 1);
    }
  });

  it('shows production the same order and reasons, but the margin only as a tier', async () => {
    const director = ok(await gql<{ productionQueue: { nodes: Item[] } }>(QUEUE, {}, await tokenFor('director'))).productionQueue.nodes;
    const answer = await gql<{ productionQueue: { nodes: Item[] } }>(QUEUE, {}, await tokenFor('production'));
    const nodes = answer.data!.productionQueue.nodes;
    expect(nodes.map((n) => n.contract.id)).toEqual(director.map((n) => n.contract.id));
    expect(nodes.every((n) => n.priority.score === null && n.priority.margin === null)).toBe(true);
    expect(nodes.every((n) => ['HIGH', 'MEDIUM', 'LOW'].includes(n.priority.marginTier))).toBe(true);
    expect(new Set(errorCodes(answer))).toEqual(new Set(['FIELD_HIDDEN']));
  });

  it('is closed to reps and dealers', async () => {
    expect(errorCodes(await gql(QUEUE, {}, await tokenFor('rep.east1')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(QUEUE, {}, await tokenFor('dealer05')))).toEqual(['FORBIDDEN']);
  });
});
