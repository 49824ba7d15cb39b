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

  it("answers each customer's newest contracts and tickets, first at a time, and refuses a first above 200", async () => {
    const [rep, engineer, legal, director] = [await tokenFor('rep.east1'), await tokenFor('engineer'), await tokenFor('legal'), await tokenFor('director')];
    const customers = await gql<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 1) { nodes { id } } }', {}, rep);
    expect(customers.errors).toBeUndefined();
    const customerId = customers.data!.customers.nodes[0].id;
    // Two contracts for one customer, from ticket to contract, one after the other.
    const made: string[] = [];
    for (const n of [1, 2]) {
      const ticket = await gql<{ createRequirementTicket: { id: string } }>(
        'mutation($input: CreateRequirementTicketInput!) { createRequirementTicket(input: $input) { id } }',
        { input: { customerId, urgency: 'NORMAL', requestedDeliveryDate: '2027-06-01', submit: true, material: 'SUS304', tolerance: '±0.05 mm', ...SPEC_WITHOUT_MATERIAL_AND_TOLERANCE } }, rep);
      expect(ticket.errors).toBeUndefined();
      const ticketId = ticket.data!.createRequirementTicket.id;
      const agreement = await gql<{ approveSpec: { id: string } }>('mutation($id: ID!) { approveSpec(ticketId: $id) { id } }', { id: ticketId }, engineer);
      expect(agreement.errors).toBeUndefined();
      const agreementId = agreement.data!.approveSpec.id;
      expect((await gql('mutation($id: ID!) { approveAgreement(agreementId: $id) { id } }', { id: agreementId }, legal)).errors).toBeUndefined();
      const contract = await gql<{ createContract: { number: string } }>('mutation($input: CreateContractInput!) { createContract(input: $input) { number } }', { input: {
        ticketId, agreementId, amount: 100000 * n, grossMargin: 0.2, currency: 'CNY', paymentTerms: '30% 预付', firstPaymentDueDate: '2027-03-01',
        lines: [{ sku: 'FL-M12-304', partName: 'M12 法兰螺栓', quantity: 1000 }] } }, rep);
      expect(contract.errors).toBeUndefined();
      made.push(contract.data!.createContract.number);
    }

    const query = `query($id: ID!, $first: Int) { customer(id: $id) { id contracts(first: $first) { number createdAt } requirementTickets(first: $first) { number createdAt } } }`;
    type Nested = { number: string; createdAt: string }[];
    const newestFirst = (rows: Nested) => rows.every((r, i) => i === 0 || rows[i - 1].createdAt >= r.createdAt);
    const full = await gql<{ customer: { contracts: Nested; requirementTickets: Nested } }>(query, { id: customerId, first: 200 }, director);
    expect(full.errors).toBeUndefined();
    const contracts = full.data!.customer.contracts;
    expect(contracts.slice(0, 2).map((c) => c.number)).toEqual([made[1], made[0]]);
    expect(newestFirst(contracts)).toBe(true);
    expect(full.data!.customer.requirementTickets.length).toBeGreaterThanOrEqual(2);
    expect(newestFirst(full.data!.customer.requirementTickets)).toBe(true);

    const one = await gql<{ customer: { contracts: Nested; requirementTickets: Nested } }>(query, { id: customerId, first: 1 }, director);
    expect(one.errors).toBeUndefined();
    expect(one.data!.customer.contracts.map((c) => c.number)).toEqual([made[1]]);
    expect(one.data!.customer.requirementTickets.map((t) => t.number)).toEqual([full.data!.customer.requirementTickets[0].number]);

    const tooMany = await gql(query, { id: customerId, first: 201 }, director);
    expect(errorCodes(tooMany)).toContain('VALIDATION_FAILED');
    expect(tooMany.errors!.find((e) => e.extensions?.code === 'VALIDATION_FAILED')!.extensions!.messageZh).toContain('每页条数');
  });
});
