// Dedupe, merge, undo and the stale list through the real gateway (LIANXIAO_GRAPHQL_URL).
// Every run creates its own customers (random names, credit codes and phones), so it passes
// again on the same database.
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { CloudEvent, CustomerMergedV1, Topics, validateEvent } from '@lianxiao/contracts';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@lianxiao/demo-data';
import { errorCodes, gql, GraphQLAnswer, tokenFor } from '@lianxiao/testing';

// Several round trips per test through the gateway; a loaded CI machine needs more than the default 30 s.
jest.setTimeout(90_000);

function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

function randomCreditCode(): string {
  let body = '91320500';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[randomBytes(1)[0] % 31];
  return body + creditCodeCheckChar(body);
}

/** A company-name stem no other run (or the seed) uses: random CJK characters. */
function randomStem(): string {
  const chars = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土风云雷电山河湖海松柏桃李';
  return [...randomBytes(5)].map((b) => chars[b % chars.length]).join('');
}
const randomMobile = () => `139${String(randomBytes(4).readUInt32BE(0) % 100_000_000).padStart(8, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CREATE = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name lastInteractionAt } }';
const CANDIDATES = `query($customerId: ID, $minScore: Float) { duplicateCandidates(customerId: $customerId, minScore: $minScore, first: 50) {
  totalCount nodes { id score survivorId reasons { code messageZh messageEn } customers { id name } } } }`;
const MERGE = 'mutation($ids: [ID!]!) { mergeCustomers(customerIds: $ids) { id survivorId mergedIds mergedBy mergedAt undoneAt moved { followUps evidence contacts stageTransitions nodeCompletions } } }';
const UNDO = 'mutation($id: ID!) { undoCustomerMerge(mergeId: $id) { id undoneAt undoneBy } }';
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id name mergedIntoId archivedAt lastInteractionAt phone
  followUps(first: 50) { id summary } evidence { id fileName } contacts { id name phone } } }`;

interface CustomerView {
  id: string; name: string; mergedIntoId: string | null; archivedAt: string | null; lastInteractionAt: string; phone: string | null;
  followUps: { id: string; summary: string }[]; evidence: { id: string; fileName: string }[]; contacts: { id: string; name: string; phone: string | null }[];
}

describe('dedupe: candidates, merge and undo', () => {
  let director: string, supervisor: string, rep: string;
  const stem = randomStem();
  const mobile = randomMobile();
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  let mergeId = '';
  let mergedAt = '';

  const customer = async (id: string) => ok(await gql<{ customer: CustomerView }>(CUSTOMER, { id }, director)).customer;

  beforeAll(async () => {
    // Sign-ins one after another (a person signs in once; concurrent logins are not what this tests).
    director = await tokenFor('director');
    supervisor = await tokenFor('supervisor.east');
    rep = await tokenFor('rep.east1');
    const create = async (name: string, phone?: string) =>
      ok(await gql<{ createCustomer: { id: string } }>(CREATE, { input: { name, creditCode: randomCreditCode(), industry: '家电', channel: 'PHONE', region: '华东', phone } }, director)).createCustomer.id;
    // B has the history; A gets the latest follow-up (written last), so A survives. One write at a
    // time: these are a person's clicks, not a concurrency test.
    ids.b = await create(`${stem}精密机械（中国）股份有限公司`);
    ids.a = await create(`${stem}精密机械有限公司`, mobile);
    ids.c = await create(`苏州${stem}精密机械有限公司`);
    ids.d = await create(`${stem}无关贸易有限公司`);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(48), Buffer.from('\n%%EOF\n')]);
    ok(await gql('mutation($id: ID!, $input: ContactInput!) { addContact(customerId: $id, input: $input) { id } }', { id: ids.d, input: { name: '王经理', phone: mobile.replace(/^(\d{3})(\d{4})/, '$1-$2-') } }, director));
    ok(await gql('mutation($id: ID!, $input: ContactInput!) { addContact(customerId: $id, input: $input) { id } }', { id: ids.b, input: { name: '李工', phone: '0512-66668888' } }, director));
    ok(await gql('mutation($id: ID!, $input: AddFollowUpInput!) { addFollowUp(customerId: $id, input: $input) { id } }', { id: ids.b, input: { type: 'CALL', summary: `B 的跟进 ${stem}` } }, director));
    ok(await gql('mutation($id: ID!, $input: AddEvidenceInput!) { addEvidence(customerId: $id, input: $input) { id } }', { id: ids.b, input: { type: 'OTHER', fileName: 'b-scan.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') } }, director));
    await sleep(1100); // MariaDB keeps lastInteractionAt to the second: A's visit must be a later second
    ok(await gql('mutation($id: ID!, $input: AddFollowUpInput!) { addFollowUp(customerId: $id, input: $input) { id } }', { id: ids.a, input: { type: 'VISIT', summary: `A 的拜访 ${stem}` } }, director));
  }, 90_000);

  it('successful: lists candidate pairs by name, name without city and phone (incl. contacts), with score and reasons', async () => {
    const answer = ok(await gql<{ duplicateCandidates: { nodes: { id: string; score: number; survivorId: string; reasons: { code: string; messageZh: string }[]; customers: { id: string }[] }[] } }>(CANDIDATES, { customerId: ids.a }, director));
    const byOther = new Map(answer.duplicateCandidates.nodes.map((n) => [n.customers.map((c) => c.id).find((id) => id !== ids.a)!, n]));
    expect(byOther.get(ids.b)).toMatchObject({ score: 0.85, survivorId: ids.a, reasons: [{ code: 'NAME', messageZh: '规范化后的名称相同' }] });
    expect(byOther.get(ids.c)).toMatchObject({ score: 0.6, reasons: [{ code: 'NAME_CORE' }] });
    expect(byOther.get(ids.d)).toMatchObject({ score: 0.55, reasons: [{ code: 'PHONE' }] });
    expect(answer.duplicateCandidates.nodes[0].customers[0].id).toBe(ids.a); // survivor first
  });

  it('successful: the east supervisor sees the east pairs; a rep is refused', async () => {
    const seen = ok(await gql<{ duplicateCandidates: { totalCount: number } }>(CANDIDATES, { customerId: ids.a }, supervisor));
    expect(seen.duplicateCandidates.totalCount).toBe(3);
    expect(errorCodes(await gql(CANDIDATES, { customerId: ids.a }, rep))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(MERGE, { ids: [ids.a, ids.b] }, rep))).toEqual(['FORBIDDEN']);
  });

  it('failing: a merge needs two different customers', async () => {
    expect(errorCodes(await gql(MERGE, { ids: [ids.a, ids.a] }, director))).toEqual(['MERGE_NEEDS_TWO']);
  });

  it('successful: merging moves follow-ups, evidence and contacts to the survivor and leaves a tombstone', async () => {
    const before = { a: await customer(ids.a), b: await customer(ids.b) };
    const merge = ok(await gql<{ mergeCustomers: { id: string; survivorId: string; mergedIds: string[]; mergedAt: string; moved: Record<string, number> } }>(MERGE, { ids: [ids.b, ids.a] }, supervisor)).mergeCustomers;
    mergeId = merge.id;
    mergedAt = merge.mergedAt;
    expect(merge).toMatchObject({ survivorId: ids.a, mergedIds: [ids.b], moved: { followUps: 1, evidence: 1, contacts: 1, stageTransitions: 0 } });
    const a = await customer(ids.a);
    const b = await customer(ids.b);
    expect(b.mergedIntoId).toBe(ids.a);
    expect(b.followUps).toEqual([]);
    expect(b.evidence).toEqual([]);
    expect(b.contacts).toEqual([]);
    expect(a.followUps.map((f) => f.summary).sort()).toEqual([`A 的拜访 ${stem}`, `B 的跟进 ${stem}`]);
    expect(a.evidence.map((e) => e.fileName)).toEqual(['b-scan.pdf']);
    expect(a.contacts.map((c) => c.name)).toEqual(['李工']);
    expect(a.lastInteractionAt).toBe(before.a.lastInteractionAt);
    expect(before.b.followUps).toHaveLength(1);
    // A tombstone is no longer a candidate, and cannot be merged again.
    const left = ok(await gql<{ duplicateCandidates: { nodes: { customers: { id: string }[] }[] } }>(CANDIDATES, { customerId: ids.a }, director));
    expect(left.duplicateCandidates.nodes.flatMap((n) => n.customers.map((c) => c.id))).not.toContain(ids.b);
    expect(errorCodes(await gql(MERGE, { ids: [ids.b, ids.c] }, director))).toEqual(['CUSTOMER_ALREADY_MERGED']);
  });

  it('successful: the merge is recorded with who and when', async () => {
    const me = ok(await gql<{ me: { id: string } }>('{ me { id } }', {}, supervisor)).me.id;
    const list = ok(await gql<{ customerMerges: { nodes: { id: string; mergedBy: string; survivor: { id: string }; merged: { id: string }[] }[] } }>('{ customerMerges(first: 50) { nodes { id mergedBy survivor { id } merged { id } } } }', {}, director));
    expect(list.customerMerges.nodes.find((m) => m.id === mergeId)).toEqual({ id: mergeId, mergedBy: me, survivor: { id: ids.a }, merged: [{ id: ids.b }] });
  });

  it('successful: undo restores exactly what moved; a second undo is refused', async () => {
    const undone = ok(await gql<{ undoCustomerMerge: { undoneAt: string | null } }>(UNDO, { id: mergeId }, director)).undoCustomerMerge;
    expect(undone.undoneAt).not.toBeNull();
    const a = await customer(ids.a);
    const b = await customer(ids.b);
    expect(b.mergedIntoId).toBeNull();
    expect(b.followUps.map((f) => f.summary)).toEqual([`B 的跟进 ${stem}`]);
    expect(b.evidence.map((e) => e.fileName)).toEqual(['b-scan.pdf']);
    expect(b.contacts.map((c) => c.name)).toEqual(['李工']);
    expect(a.followUps.map((f) => f.summary)).toEqual([`A 的拜访 ${stem}`]);
    expect(a.evidence).toEqual([]);
    expect(a.contacts).toEqual([]);
    expect(a.phone).toBe(mobile);
    expect(errorCodes(await gql(UNDO, { id: mergeId }, director))).toEqual(['MERGE_ALREADY_UNDONE']);
    const again = ok(await gql<{ duplicateCandidates: { totalCount: number } }>(CANDIDATES, { customerId: ids.a }, director));
    expect(again.duplicateCandidates.totalCount).toBe(3);
  });

  // The event on the Kafka topic: cluster run only (the embedded stack has no broker).
  const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (kafkaBrokers.length) it('publishes customers.customer-merged.v1 for the merge', async () => {
    const kafka = new Kafka({ clientId: 'dedupe-e2e', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `dedupe-e2e-${randomUUID()}` });
    const seen: CloudEvent<CustomerMergedV1>[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: Topics.customerMerged, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString() ?? '{}') as CloudEvent<CustomerMergedV1>;
        if (event.data?.survivorId === ids.a) seen.push(event);
      } });
      const deadline = Date.now() + 30_000;
      while (!seen.length && Date.now() < deadline) await sleep(300);
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toHaveLength(1);
    expect(validateEvent(seen[0])).toEqual([]);
    expect(seen[0].data).toMatchObject({ survivorId: ids.a, mergedIds: [ids.b], mergedAt });
  });
});
