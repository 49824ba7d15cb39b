import { randomBytes, randomUUID } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@lianxiao/demo-data';
import { errorCodes, gql, GraphQLAnswer, tokenFor } from '@lianxiao/testing';

/**
 * The ERP feed: a contract signed through the gateway reaches the ERP stand-in (its own consumer
 * group on orders.contract-signed.v1: in-process transport on SQLite, Kafka on the cluster) with a
 * valid envelope, once; `erpFeed` shows it to admin, director and production only.
 */
const SPEC = {
  material: 'SUS304 不锈钢', tolerance: '±0.05 mm', surfaceTreatment: '钝化', dimensions: 'M10×40 mm', quantity: 1200,
  hardness: 'HRC 22-28', unitWeight: '31 g', packaging: '纸箱 500 件/箱', certificationStandard: 'RoHS',
  inspectionStandard: 'GB/T 90.1 AQL 1.0', colour: '本色', craftNotes: 'ERP 接收测试；首件送检',
};
const FEED = '{ erpFeed(first: 500) { totalCount entries { id type time subject receivedAt contractNumber agreementVersion customerName amount valid reason } } }';

interface FeedEntry { id: string; type: string; time: string; subject: string; receivedAt: string; contractNumber: string | null; agreementVersion: number | null; customerName: string | null; amount: number | null; valid: boolean; reason: string | null }

function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

function randomCreditCode(): string {
  let body = '91310000';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[randomBytes(1)[0] % 31];
  return body + creditCodeCheckChar(body);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(300);
  }
}

describe('ERP feed (orders.contract-signed.v1 as the ERP stand-in received it)', () => {
  it('shows a contract signed through the gateway once, with a valid envelope, to admin, director and production only', async () => {
    const [rep, engineer, legal, admin, director, production, supervisor, dealer] = await Promise.all(
      ['rep.east1', 'engineer', 'legal', 'admin', 'director', 'production', 'supervisor.east', 'dealer05'].map((u) => tokenFor(u)),
    );
    const name = `上海ERP测试机械${randomBytes(3).toString('hex')}有限公司`;
    const customerId = ok(await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name, creditCode: randomCreditCode(), industry: '汽车零部件', channel: 'TRADE_SHOW' } },
      rep,
    )).createCustomer.id;
    // The new customer reaches orders through customers.customer-updated.v1: until then a ticket is refused.
    const ticket = await eventually(async () => {
      const answer = await gql<{ createRequirementTicket: { id: string } }>(
        'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id } }',
        { input: { customerId, urgency: 'NORMAL', requestedDeliveryDate: '2027-05-01', submit: true, ...SPEC } },
        rep,
      );
      if (errorCodes(answer).includes('CUSTOMER_UNKNOWN')) return undefined;
      return ok(answer).createRequirementTicket;
    });
    const v1 = ok(await gql<{ approveSpec: { id: string } }>('mutation($id: ID!) { approveSpec(ticketId: $id) { id } }', { id: ticket.id }, engineer)).approveSpec;
    ok(await gql('mutation($id: ID!) { approveAgreement(agreementId: $id) { id } }', { id: v1.id }, legal));
    const draft = ok(await gql<{ createContract: { id: string } }>(
      'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }',
      {
        input: {
          ticketId: ticket.id, agreementId: v1.id, amount: 52800, grossMargin: 0.25, currency: 'CNY', paymentTerms: '30% 预付，70% 发货前付清',
          firstPaymentDueDate: '2027-03-01', lines: [{ sku: 'FL-M10-304', partName: 'M10 法兰螺栓', quantity: 1200 }],
        },
      },
      rep,
    )).createContract;
    const sign = 'mutation($id: ID!, $sha: String!, $key: String!) { signContract(contractId: $id, signedScanSha256: $sha, idempotencyKey: $key) { id number signedAt agreementVersion } }';
    const vars = { id: draft.id, sha: randomBytes(32).toString('hex'), key: `erp-${randomUUID()}` };
    const contract = await eventually(async () => {
      const answer = await gql<{ signContract: { id: string; number: string; signedAt: string; agreementVersion: number } }>(sign, vars, rep);
      if (errorCodes(answer).includes('CUSTOMER_UNKNOWN')) return undefined; // the customer has not reached orders yet
      return ok(answer).signContract;
    });

    const entry = await eventually(async () => {
      const feed = ok(await gql<{ erpFeed: { totalCount: number; entries: FeedEntry[] } }>(FEED, {}, production)).erpFeed;
      return feed.entries.find((e) => e.subject === contract.id);
    });
    expect(entry).toMatchObject({
      type: 'orders.contract-signed.v1',
      subject: contract.id,
      contractNumber: contract.number,
      agreementVersion: contract.agreementVersion,
      customerName: name,
      amount: 52800,
      valid: true,
      reason: null,
    });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(entry.time)).toBe(Date.parse(contract.signedAt));

    await sleep(1_000); // a redelivery would show as a second entry
    for (const token of [admin, director]) {
      const feed = ok(await gql<{ erpFeed: { entries: FeedEntry[] } }>(FEED, {}, token)).erpFeed;
      expect(feed.entries.filter((e) => e.subject === contract.id)).toHaveLength(1);
    }
    for (const token of [rep, supervisor, engineer, dealer]) expect(errorCodes(await gql(FEED, {}, token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(FEED, {}))).toEqual(['UNAUTHENTICATED']);
  }, 90_000);
});
