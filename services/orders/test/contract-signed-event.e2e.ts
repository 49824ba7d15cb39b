import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { CloudEvent, ContractSignedV1, Topics, validateEvent } from '@lianxiao/contracts';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@lianxiao/demo-data';
import { errorCodes, gql, GraphQLAnswer, tokenFor } from '@lianxiao/testing';

// Waits for events and PDFs; a loaded CI machine needs more than the 5 s default.
jest.setTimeout(90_000);

/**
 * orders.contract-signed.v1 end to end: a customer created in the customers service reaches the
 * orders read model (customers.customer-updated.v1), a contract for it is signed through the
 * gateway, and the signing publishes exactly one valid event — read back by a plain Kafka client
 * (the ERP stand-in) in the cluster run, and seen once by the incentives scorecard in both runs.
 * The customers service records that the new customer (a lead) could not be moved to 合同.
 */

const SPEC = {
  material: 'SUS304 不锈钢', tolerance: '±0.05 mm', surfaceTreatment: '钝化', dimensions: 'M12×60 mm', quantity: 40000,
  hardness: 'HRC 22-28', unitWeight: '58 g', packaging: '纸箱 500 件/箱', certificationStandard: 'RoHS',
  inspectionStandard: 'GB/T 90.1 AQL 1.0', colour: '本色', craftNotes: '螺纹滚压后钝化；首件送检',
};

function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

function randomCreditCode(): string {
  let body = '91320500';
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

const SIGN = 'mutation($id: ID!, $sha: String!, $key: String!) { signContract(contractId: $id, signedScanSha256: $sha, idempotencyKey: $key) { id number status signedAt agreementVersion } }';

describe('orders.contract-signed.v1 through the gateway', () => {
  let rep: string, engineer: string, legal: string, director: string;
  const name = `苏州测试精工${randomBytes(3).toString('hex')}有限公司`;
  const creditCode = randomCreditCode();
  let customerId: string;
  let contract: { id: string; number: string; signedAt: string; agreementVersion: number };

  beforeAll(async () => {
    // One sign-in after the other: the identity service deadlocks on concurrent logins on MariaDB.
    rep = await tokenFor('rep.east1');
    engineer = await tokenFor('engineer');
    legal = await tokenFor('legal');
    director = await tokenFor('director');
  });

  it('signs a contract for a newly created customer once orders knows the customer', async () => {
    customerId = ok(await gql<{ createCustomer: { id: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name, creditCode, industry: '汽车零部件', channel: 'TRADE_SHOW' } },
      rep,
    )).createCustomer.id;

    // The new customer reaches orders through customers.customer-updated.v1: until then a ticket is refused.
    const ticket = await eventually(async () => {
      const answer = await gql<{ createRequirementTicket: { id: string } }>(
        'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id } }',
        { input: { customerId, urgency: 'HIGH', requestedDeliveryDate: '2027-04-01', submit: true, ...SPEC } },
        rep,
      );
      if (errorCodes(answer).includes('CUSTOMER_UNKNOWN')) return undefined;
      return ok(answer).createRequirementTicket;
    });
    const v1 = ok(await gql<{ approveSpec: { id: string; version: number } }>('mutation($id: ID!) { approveSpec(ticketId: $id) { id version } }', { id: ticket.id }, engineer)).approveSpec;
    ok(await gql('mutation($id: ID!) { approveAgreement(agreementId: $id) { id } }', { id: v1.id }, legal));
    const draft = ok(await gql<{ createContract: { id: string } }>(
      'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }',
      {
        input: {
          ticketId: ticket.id, agreementId: v1.id, amount: 186000, grossMargin: 0.28, currency: 'CNY', paymentTerms: '30% 预付，70% 发货前付清',
          firstPaymentDueDate: '2027-02-01', lines: [{ sku: 'FL-M12-304', partName: 'M12 法兰螺栓', quantity: 40000 }],
        },
      },
      rep,
    )).createContract;

    const sha = randomBytes(32).toString('hex');
    const key = `sign-${randomUUID()}`;
    // The customer reaches orders through an event: until then signing is refused, never half done.
    contract = await eventually(async () => {
      const answer = await gql<{ signContract: typeof contract }>(SIGN, { id: draft.id, sha, key }, rep);
      if (errorCodes(answer).includes('CUSTOMER_UNKNOWN')) return undefined;
      return ok(answer).signContract;
    });
    expect(contract).toMatchObject({ id: draft.id, agreementVersion: 1 });
    // A retry of the same request publishes nothing more (checked below: exactly one event).
    expect(ok(await gql<{ signContract: typeof contract }>(SIGN, { id: draft.id, sha, key }, rep)).signContract.signedAt).toBe(contract.signedAt);
  });

  it('refuses a ticket for a customer orders has never heard of, and writes nothing', async () => {
    // Orders never publishes a contract without the customer's name and credit code: the chain is
    // refused at its start, the requirement ticket (signing checks again, see contract-signing.service).
    const ghost = randomUUID();
    const before = ok(await gql<{ requirementTickets: { totalCount: number } }>('query($c: ID) { requirementTickets(customerId: $c) { totalCount } }', { c: ghost }, director));
    const refused = await gql(
      'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id } }',
      { input: { customerId: ghost, urgency: 'NORMAL', requestedDeliveryDate: '2027-04-01', submit: true, ...SPEC } },
      rep,
    );
    expect(errorCodes(refused)).toEqual(['CUSTOMER_UNKNOWN']);
    expect(refused.errors?.[0].extensions?.messageZh).toContain('客户');
    const after = ok(await gql<{ requirementTickets: { totalCount: number } }>('query($c: ID) { requirementTickets(customerId: $c) { totalCount } }', { c: ghost }, director));
    expect(after.requirementTickets.totalCount).toBe(before.requirementTickets.totalCount);
  });

  it('reaches the incentives scorecard exactly once', async () => {
    const SCORES = '{ contractScores(first: 200) { nodes { contractId contractNumber amount } } }';
    const mine = await eventually(async () => {
      const nodes = ok(await gql<{ contractScores: { nodes: { contractId: string; contractNumber: string; amount: number }[] } }>(SCORES, {}, director)).contractScores.nodes;
      const found = nodes.filter((n) => n.contractId === contract.id);
      return found.length ? found : undefined;
    });
    await sleep(1_000);
    const again = ok(await gql<{ contractScores: { nodes: { contractId: string }[] } }>(SCORES, {}, director)).contractScores.nodes;
    expect(again.filter((n) => n.contractId === contract.id)).toHaveLength(1);
    expect(mine[0]).toMatchObject({ contractNumber: contract.number, amount: 186000 });
  });

  it('leaves the customer (a lead) where it is and records why it was not moved to 合同', async () => {
    const signal = await eventually(async () => {
      const c = ok(await gql<{ customer: { stage: string; contractSignals: { contractId: string; outcome: string; reasonZh: string | null }[] } }>(
        'query($id: ID!) { customer(id: $id) { stage contractSignals { contractId outcome reasonZh } } }', { id: customerId }, rep,
      )).customer;
      const s = c.contractSignals.find((x) => x.contractId === contract.id);
      return s && s.outcome !== 'PENDING' ? { stage: c.stage, ...s } : undefined;
    });
    expect(signal).toMatchObject({ stage: 'LEAD', outcome: 'NOT_MOVED' });
    expect(signal.reasonZh).toContain('不能跳过阶段');
  });

  // The ERP stand-in: any Kafka client reading the topic (cluster run only; the embedded stack has no broker).
  const kafkaBrokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (kafkaBrokers.length) it('publishes exactly one valid envelope on the Kafka topic with agreement version and craft notes', async () => {
    const kafka = new Kafka({ clientId: 'erp-stand-in', brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `erp-stand-in-${randomUUID()}` });
    const seen: { key: string | null; value: string }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: Topics.contractSigned, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() === contract.id) seen.push({ key: message.key.toString(), value: message.value?.toString() ?? '' });
        },
      });
      await eventually(async () => (seen.length ? true : undefined), 30_000);
      await sleep(2_000); // a duplicate would arrive right behind the first
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toHaveLength(1);
    const envelope = JSON.parse(seen[0].value) as CloudEvent<ContractSignedV1>;
    expect(validateEvent(envelope)).toEqual([]);
    expect(envelope).toMatchObject({ specversion: '1.0', type: Topics.contractSigned, source: '/lianxiao/orders', subject: contract.id });
    expect(envelope.data).toMatchObject({
      contractId: contract.id,
      contractNumber: contract.number,
      customer: { id: customerId, name, creditCode },
      lines: [{ sku: 'FL-M12-304', partName: 'M12 法兰螺栓', quantity: 40000, requestedDeliveryDate: '2027-04-01' }],
      amount: 186000,
      grossMargin: 0.28,
      priority: { urgency: 'HIGH' },
      signedAt: contract.signedAt,
    });
    expect(envelope.data.specification).toEqual({ agreementVersion: 1, ...SPEC });
  });
});
