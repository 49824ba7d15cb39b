import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

interface DealerPoints { id: string; code: string; pointsBalance: number | null }
const DEALERS = '{ dealers(first: 50) { totalCount nodes { id code pointsBalance } } }';

describe('dealer points through the gateway', () => {
  it('shows dealer05 its own dealer D05 with a points balance', async () => {
    const answer = await gql<{ dealers: { nodes: DealerPoints[] } }>(DEALERS, {}, await tokenFor('dealer05'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.dealers.nodes).toHaveLength(1);
    expect(answer.data?.dealers.nodes[0].code).toBe('D05');
    expect(answer.data?.dealers.nodes[0].pointsBalance).toEqual(expect.any(Number));
  });

  it('shows the director all 37 dealers with balances', async () => {
    const answer = await gql<{ dealers: { totalCount: number; nodes: DealerPoints[] } }>(DEALERS, {}, await tokenFor('director'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.dealers.totalCount).toBe(37);
    expect(answer.data?.dealers.nodes).toHaveLength(37);
    for (const d of answer.data!.dealers.nodes) expect(d.pointsBalance).toBeGreaterThanOrEqual(0);
  });

  it("keeps another dealer's points account from dealer05, and its ledger adds up for its own", async () => {
    const director = await gql<{ dealers: { nodes: DealerPoints[] } }>(DEALERS, {}, await tokenFor('director'));
    const byCode = new Map(director.data!.dealers.nodes.map((d) => [d.code, d]));
    const token = await tokenFor('dealer05');
    const other = await gql<{ pointsAccount: unknown }>('query($d: ID!) { pointsAccount(dealerId: $d) { balance } }', { d: byCode.get('D06')!.id }, token);
    expect(other.data?.pointsAccount ?? null).toBeNull();
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const own = await gql<{ pointsAccount: { balance: number }; pointsEntries: { nodes: { delta: number }[] } }>(
      'query($d: ID!) { pointsAccount(dealerId: $d) { balance } pointsEntries(dealerId: $d, first: 100) { nodes { delta } } }',
      { d: byCode.get('D05')!.id }, token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.pointsEntries.nodes.reduce((sum, e) => sum + e.delta, 0)).toBe(own.data!.pointsAccount.balance);
  });
});

describe('Customer.health across subgraphs', () => {
  it('gives the director a score and colour for the demo customers on a page, and null — never a guess — for a customer incentives has no data on yet', async () => {
    // The seeded demo customers are all …有限公司; in name order, customers other tests created
    // earlier in the run (fuzz names in ASCII, imports) can fill a short first page, so take 100.
    const answer = await gql<{ customers: { nodes: { name: string; health: { score: number; colour: string } | null }[] } }>(
      '{ customers(first: 100, sort: "name", search: "有限公司") { nodes { id name health { score colour } } } }', {}, await tokenFor('director'));
    expect(answer.errors).toBeUndefined();
    const scored = answer.data!.customers.nodes.filter((c) => c.health !== null);
    expect(scored.length).toBeGreaterThanOrEqual(10);
    for (const c of scored) {
      expect(c.health!.score).toBeGreaterThanOrEqual(0);
      expect(c.health!.score).toBeLessThanOrEqual(100);
      expect(['GREEN', 'YELLOW', 'RED']).toContain(c.health!.colour);
    }
  });
});
