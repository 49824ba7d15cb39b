import { gql, graphqlUrl, tokenFor } from '@lianxiao/testing';

/**
 * The gateway sends an identical subgraph query only once while it is in flight, and only for the
 * same caller: two reps opening the same customer list at the same moment each still get exactly
 * their own customers, while each rep's own burst shares subgraph answers (counted in /metrics).
 */
const LIST = '{ customers(first: 50) { totalCount nodes { id ownerId name owner { username } } } }';
const SHARED = 'lianxiao_gateway_subgraph_queries_shared_total';

async function sharedSoFar(): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl()))).text();
  return text.split('\n').filter((line) => line.startsWith(`${SHARED}{`)).reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf('}') + 1)), 0);
}

describe('in-flight subgraph query deduplication', () => {
  it("never gives one rep another rep's customers, and shares identical queries of one rep", async () => {
    const [east1, east2] = await Promise.all([tokenFor('rep.east1'), tokenFor('rep.east2')]);
    const alone = async (token: string) => {
      const answer = await gql<{ customers: { totalCount: number; nodes: { ownerId: string; owner: { username: string } | null }[] } }>(LIST, {}, token);
      expect(answer.errors).toBeUndefined();
      return answer.data!;
    };
    const [own1, own2] = [await alone(east1), await alone(east2)];
    expect(own1.customers.totalCount).toBeGreaterThan(0);
    expect(own2.customers.totalCount).toBeGreaterThan(0);
    expect(new Set(own1.customers.nodes.map((c) => c.ownerId))).not.toEqual(new Set(own2.customers.nodes.map((c) => c.ownerId)));
    expect(own1.customers.nodes.every((c) => c.owner?.username === 'rep.east1')).toBe(true);

    const before = await sharedSoFar();
    for (let round = 0; round < 5; round++) {
      const burst = await Promise.all(Array.from({ length: 16 }, (_, i) => gql(LIST, {}, i % 2 ? east2 : east1)));
      burst.forEach((answer, i) => {
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toEqual(i % 2 ? own2 : own1);
      });
      if ((await sharedSoFar()) > before) break;
    }
    expect(await sharedSoFar()).toBeGreaterThan(before);
  });
});
