import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

interface ContractRow { id: string; number: string; customerId: string; grossMargin: number | null }
const CONTRACTS = '{ contracts(first: 50) { totalCount nodes { id number customerId grossMargin } } }';
const TICKET_COUNT = '{ requirementTickets(first: 0) { totalCount } }';

const SPEC_WITHOUT_MATERIAL_AND_TOLERANCE = {
  surfaceTreatment: '阳极氧化', dimensions: '120×80×15 mm', quantity: 5000, hardness: 'HB 95', unitWeight: '0.35 kg',
  packaging: '珍珠棉 + 纸箱', certificationStandard: 'RoHS', inspectionStandard: 'GB/T 2828.1 AQL 1.0', colour: '银白',
  craftNotes: 'CNC 后去毛刺',
};

describe('contracts through the gateway', () => {
  it('shows the director every contract with its gross margin', async () => {
    const answer = await gql<{ contracts: { totalCount: number; nodes: ContractRow[] } }>(CONTRACTS, {}, await tokenFor('director'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.contracts.totalCount).toBeGreaterThan(0);
    for (const c of answer.data!.contracts.nodes) {
      expect(c.number).toMatch(/^HT-\d{4}-\d{4}$/);
      expect(c.grossMargin).toBeGreaterThan(0);
      expect(c.grossMargin).toBeLessThan(1);
    }
  });

  it('shows finance the gross margin too', async () => {
    const answer = await gql<{ contracts: { nodes: ContractRow[] } }>(CONTRACTS, {}, await tokenFor('finance'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.contracts.nodes[0].grossMargin).toEqual(expect.any(Number));
  });

  it('shows rep.east1 only own contracts, with gross margin null and FIELD_HIDDEN', async () => {
    const director = await gql<{ contracts: { totalCount: number } }>(CONTRACTS, {}, await tokenFor('director'));
    const answer = await gql<{ contracts: { totalCount: number; nodes: ContractRow[] } }>(CONTRACTS, {}, await tokenFor('rep.east1'));
    const nodes = answer.data!.contracts.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(answer.data!.contracts.totalCount).toBeLessThan(director.data!.contracts.totalCount);
    expect(nodes.every((c) => c.grossMargin === null)).toBe(true);
    expect(new Set(errorCodes(answer))).toEqual(new Set(['FIELD_HIDDEN']));
    expect(answer.errors?.[0].extensions?.messageZh).toBe('无权查看毛利率');
  });

  it('refuses dealer staff the contracts list', async () => {
    const answer = await gql<{ contracts: unknown }>(CONTRACTS, {}, await tokenFor('dealer05'));
    expect(answer.data?.contracts ?? null).toBeNull();
    expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
  });
});

describe('requirement tickets through the gateway', () => {
  it('refuses a submission missing two spec fields, naming both in Chinese and English, and writes nothing', async () => {
    const token = await tokenFor('rep.east1');
    const own = await gql<{ contracts: { nodes: ContractRow[] } }>(CONTRACTS, {}, token);
    const customerId = own.data!.contracts.nodes[0].customerId;
    const before = await gql<{ requirementTickets: { totalCount: number } }>(TICKET_COUNT, {}, token);
    const answer = await gql<{ createRequirementTicket: unknown }>(
      'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id number } }',
      { input: { customerId, urgency: 'HIGH', requestedDeliveryDate: '2027-02-01', submit: true, ...SPEC_WITHOUT_MATERIAL_AND_TOLERANCE } },
      token,
    );
    expect(answer.data?.createRequirementTicket ?? null).toBeNull();
    expect(errorCodes(answer)).toEqual(['SPEC_INCOMPLETE']);
    const extensions = answer.errors![0].extensions!;
    expect(extensions.messageZh).toContain('缺少：材质、公差');
    expect(extensions.messageEn).toContain('Missing: material, tolerance');
    const after = await gql<{ requirementTickets: { totalCount: number } }>(TICKET_COUNT, {}, token);
    expect(after.data?.requirementTickets.totalCount).toBe(before.data?.requirementTickets.totalCount);
  });

  it('hides craft notes from the director but shows them to production', async () => {
    const query = '{ requirementTickets(first: 5, status: SUBMITTED) { nodes { number craftNotes } } }';
    const director = await gql<{ requirementTickets: { nodes: { craftNotes: string | null }[] } }>(query, {}, await tokenFor('director'));
    expect(director.data?.requirementTickets.nodes.every((t) => t.craftNotes === null)).toBe(true);
    expect(new Set(errorCodes(director))).toEqual(new Set(['FIELD_HIDDEN']));
    const production = await gql<{ requirementTickets: { nodes: { craftNotes: string | null }[] } }>(query, {}, await tokenFor('production'));
    expect(production.errors).toBeUndefined();
    expect(production.data?.requirementTickets.nodes.every((t) => typeof t.craftNotes === 'string')).toBe(true);
  });
});

describe('Customer.contracts across subgraphs', () => {
  it('answers a page of 20 customers with their contracts for the director', async () => {
    const answer = await gql<{ customers: { nodes: { id: string; contracts: { number: string }[] }[] } }>(
      '{ customers(first: 20) { nodes { id contracts { number } } } }', {}, await tokenFor('director'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.customers.nodes).toHaveLength(20);
    for (const customer of answer.data!.customers.nodes) {
      expect(Array.isArray(customer.contracts)).toBe(true);
      for (const c of customer.contracts) expect(c.number).toMatch(/^HT-/);
    }
  });
});
