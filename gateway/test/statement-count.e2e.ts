/**
 * Batching proof (issue 10 item 3): a customer list with its federated fields costs a fixed number
 * of SQL statements per subgraph — one per entity type — whether it lists 10 customers or 100.
 * Counts come from the subgraphs themselves (x-lianxiao-debug: sql, admin only), through the gateway.
 */
import { gql, tokenFor } from '@lianxiao/testing';

const LIST = `query($n: Int!) { customers(first: $n) { nodes {
  id name stageName owner { displayName } contacts { name }
  health { score colour } contracts { number amount } requirementTickets { id }
} } }`;

type Counted = { customers: { nodes: unknown[] } };

async function countedList(n: number, token: string) {
  const answer = await gql<Counted>(LIST, { n }, token, { 'x-lianxiao-debug': 'sql' });
  expect(answer.errors).toBeUndefined();
  const counts = (answer as unknown as { extensions?: { sqlStatements?: Record<string, number> } }).extensions?.sqlStatements;
  return { rows: answer.data!.customers.nodes.length, counts: counts ?? {} };
}

describe('SQL statements per request', () => {
  it('does not grow with the number of customers listed (DataLoader batching in every subgraph)', async () => {
    const admin = await tokenFor('admin');
    const small = await countedList(10, admin);
    const large = await countedList(100, admin);
    expect(small.rows).toBe(10);
    expect(large.rows).toBe(100);
    // Every subgraph the query touches reports its statements: customers, orders, incentives, identity.
    expect(Object.keys(large.counts).sort()).toEqual(expect.arrayContaining(['customers', 'incentives', 'orders']));
    for (const [subgraph, statements] of Object.entries(large.counts)) {
      // One statement per entity type (list + count, contacts; contracts and tickets; health; users) — never one per customer.
      expect({ subgraph, statements }).toEqual({ subgraph, statements: small.counts[subgraph] });
      expect(statements).toBeLessThanOrEqual(4);
    }
    process.stdout.write(`batching: 100 customers with federated fields → ${JSON.stringify(large.counts)} SQL statements (10 customers → ${JSON.stringify(small.counts)})\n`);
  });

  it('is not available to non-admin callers', async () => {
    const director = await tokenFor('director');
    const answer = await gql(LIST, { n: 5 }, director, { 'x-lianxiao-debug': 'sql' });
    expect((answer as unknown as { extensions?: Record<string, unknown> }).extensions?.sqlStatements).toBeUndefined();
  });
});
