import { randomBytes } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/**
 * Points redemption through the gateway: one transaction per redemption, the balance never goes
 * negative under 50 concurrent redemptions, idempotency keys, stock limits and dealer scope.
 * Repeatable on the same database: each run creates its own catalogue items and first sets the
 * dealer's balance to exactly what the run needs (an HQ adjustment).
 */
jest.setTimeout(120_000);

const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
const COST = 7;
/** Dealer 33 is used by no other test, so nothing else moves its points while this runs. */
const DEALER = 'dealer33';

const SAVE = 'mutation($input: SaveRedemptionItemInput!) { saveRedemptionItem(input: $input) { id code pointsCost stock } }';
const REDEEM = `mutation($item: ID!, $q: Int!, $key: String!) { redeemPoints(itemId: $item, quantity: $q, idempotencyKey: $key) {
  replayed redemption { id quantity points balanceAfter itemCode } } }`;
const ACCOUNT = 'query($d: ID!) { pointsAccount(dealerId: $d) { balance } }';
const ADJUST = 'mutation($d: ID!, $delta: Int!, $note: String!, $key: String!) { adjustPoints(dealerId: $d, delta: $delta, note: $note, idempotencyKey: $key) { account { balance } replayed } }';

let director = '';
let dealer = '';
let dealer05 = '';
let dealerId = '';
let d06 = '';

async function balance(): Promise<number> {
  const a = await gql<{ pointsAccount: { balance: number } }>(ACCOUNT, { d: dealerId }, dealer);
  expect(a.errors).toBeUndefined();
  return a.data!.pointsAccount.balance;
}

/** Sets the dealer's balance to exactly `target` with one HQ adjustment. */
async function setBalance(target: number): Promise<void> {
  const delta = target - (await balance());
  if (delta === 0) return;
  const adjusted = await gql(ADJUST, { d: dealerId, delta, note: `测试调整 ${RUN}`, key: `adj-${RUN}-${target}` }, director);
  expect(adjusted.errors).toBeUndefined();
  expect(await balance()).toBe(target);
}

async function item(code: string, stock: number): Promise<string> {
  const saved = await gql<{ saveRedemptionItem: { id: string } }>(SAVE, { input: { code, name: `测试物料 ${code}`, unit: '个', pointsCost: COST, stock } }, director);
  expect(saved.errors).toBeUndefined();
  return saved.data!.saveRedemptionItem.id;
}

beforeAll(async () => {
  [director, dealer, dealer05] = await Promise.all([tokenFor('director'), tokenFor(DEALER), tokenFor('dealer05')]);
  const me = await gql<{ me: { dealer: { id: string } } }>('{ me { dealer { id } } }', {}, dealer);
  dealerId = me.data!.me.dealer.id;
  const all = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(search: "D06") { nodes { id code } } }', {}, director);
  d06 = all.data!.dealers.nodes.find((d) => d.code === 'D06')!.id;
});

describe('points redemption', () => {
  it('lists the seeded catalogue of marketing materials with stock', async () => {
    const c = await gql<{ redemptionItems: { code: string; stock: number; pointsCost: number }[] }>('{ redemptionItems { code name unit pointsCost stock } }', {}, dealer05);
    expect(c.errors).toBeUndefined();
    expect(c.data!.redemptionItems.some((i) => i.code === 'MM-POSTER' && i.stock > 0)).toBe(true);
  });

  it('applies exactly 10 of 50 concurrent redemptions against a balance for 10 and ends at 0', async () => {
    const itemId = await item(`T-${RUN}-A`, 1000);
    await setBalance(10 * COST);
    // All 50 start at once. One that the gateway sheds under load (OVERLOADED) or that gets no
    // answer is sent again with the same key, as a client should: the key makes the retry safe.
    const redeemOnce = async (i: number) => {
      for (let attempt = 0; ; attempt++) {
        const answer = await gql<{ redeemPoints: { redemption: { id: string } } }>(REDEEM, { item: itemId, q: 1, key: `race-${RUN}-${i}` }, dealer);
        const codes = errorCodes(answer);
        if (!codes.length || codes.includes('POINTS_INSUFFICIENT') || attempt === 20) return answer;
        await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      }
    };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => redeemOnce(i)));
    const applied = new Set(answers.filter((a) => !a.errors).map((a) => a.data!.redeemPoints.redemption.id));
    const refused = answers.flatMap((a) => errorCodes(a));
    expect(applied.size).toBe(10);
    expect(refused).toEqual(new Array(40).fill('POINTS_INSUFFICIENT'));
    expect(await balance()).toBe(0);

    const left = await gql<{ redemptionItems: { id: string; stock: number }[] }>('{ redemptionItems { id stock } }', {}, dealer);
    expect(left.data!.redemptionItems.find((i) => i.id === itemId)!.stock).toBe(990);
    const statement = await gql<{ pointsEntries: { nodes: { delta: number; reason: string; note: string }[] }; redemptions: { nodes: { itemCode: string }[] } }>(
      'query($d: ID!) { pointsEntries(dealerId: $d, first: 60) { nodes { delta reason note } } redemptions(dealerId: $d, first: 60) { nodes { itemCode } } }', { d: dealerId }, dealer);
    const lines = statement.data!.pointsEntries.nodes.filter((e) => e.note.includes(`T-${RUN}-A`));
    expect(lines).toHaveLength(10);
    expect(lines.every((e) => e.delta === -COST && e.reason === 'REDEMPTION')).toBe(true);
    expect(statement.data!.redemptions.nodes.filter((r) => r.itemCode === `T-${RUN}-A`)).toHaveLength(10);
  });

  it('answers a repeated key with the first redemption and refuses the key with another payload', async () => {
    const itemId = await item(`T-${RUN}-B`, 10);
    await setBalance(3 * COST);
    const first = await gql<{ redeemPoints: { replayed: boolean; redemption: { id: string; balanceAfter: number } } }>(REDEEM, { item: itemId, q: 2, key: `once-${RUN}` }, dealer);
    expect(first.data!.redeemPoints).toMatchObject({ replayed: false, redemption: { balanceAfter: COST } });
    const again = await gql<{ redeemPoints: { replayed: boolean; redemption: { id: string } } }>(REDEEM, { item: itemId, q: 2, key: `once-${RUN}` }, dealer);
    expect(again.data!.redeemPoints).toMatchObject({ replayed: true, redemption: { id: first.data!.redeemPoints.redemption.id } });
    expect(errorCodes(await gql(REDEEM, { item: itemId, q: 1, key: `once-${RUN}` }, dealer))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await balance()).toBe(COST);
  });

  it('refuses more than the stock and changes nothing', async () => {
    const itemId = await item(`T-${RUN}-C`, 1);
    await setBalance(5 * COST);
    expect(errorCodes(await gql(REDEEM, { item: itemId, q: 2, key: `stock-${RUN}` }, dealer))).toEqual(['REDEMPTION_OUT_OF_STOCK']);
    expect(await balance()).toBe(5 * COST);
  });

  it('is for dealer staff only, and never shows another dealer\'s redemptions or points', async () => {
    const itemId = await item(`T-${RUN}-D`, 5);
    expect(errorCodes(await gql(REDEEM, { item: itemId, q: 1, key: `hq-${RUN}` }, director))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('query($d: ID!) { redemptions(dealerId: $d) { totalCount } }', { d: d06 }, dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(ACCOUNT, { d: d06 }, dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('query($d: ID!) { pointsEntries(dealerId: $d) { totalCount } }', { d: d06 }, dealer05))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql('{ pointsNetworkSummary { month issued redeemed } }', {}, dealer05))).toEqual(['FORBIDDEN']);
    const summary = await gql<{ pointsNetworkSummary: { month: string; issued: number; redeemed: number }[] }>('{ pointsNetworkSummary(months: 6) { month issued redeemed } }', {}, director);
    expect(summary.data!.pointsNetworkSummary).toHaveLength(6);
    expect(summary.data!.pointsNetworkSummary.at(-1)!.redeemed).toBeGreaterThan(0);
  });
});
