import { randomBytes } from 'node:crypto';
import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

// A receipt recorded in the dealers service reaches the points ledger in incentives through the
// outbox → transport → inbox chain (in-process in embedded mode, Kafka in the cluster run).
const png = (): string => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]).toString('base64');
const BALANCE = 'query($id: ID!) { dealer(id: $id) { code pointsBalance } }';

async function balanceOf(dealerId: string, token: string): Promise<number> {
  const answer = await gql<{ dealer: { pointsBalance: number } }>(BALANCE, { id: dealerId }, token);
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.dealer.pointsBalance;
}

describe('sell-through receipt → points ledger (event backbone)', () => {
  it('credits dealer09 one point per full 1,000 CNY once the event is consumed', async () => {
    const token = await tokenFor('dealer09');
    const me = await gql<{ me: { dealer: { id: string; code: string } } }>('{ me { dealer { id code } } }', {}, token);
    const dealerId = me.data!.me.dealer.id;
    expect(me.data!.me.dealer.code).toBe('D09');
    const before = await balanceOf(dealerId, token);

    const recorded = await gql<{ recordSellThrough: { id: string } }>(
      'mutation($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { id } }',
      {
        input: {
          skuCode: 'WJ-001', quantity: 400, unitPrice: 12.5, endCustomerName: '南宁恒达五金商行', deliveryProvinceCode: '450000',
          receiptNumber: `PTS-${Date.now()}-${randomBytes(3).toString('hex')}`, imageBase64: png(), imageMimeType: 'image/png',
        },
      },
      token,
    );
    expect(errorCodes(recorded)).toEqual([]);
    expect(recorded.data?.recordSellThrough.id).toBeTruthy();

    // 400 × 12.5 = 5,000 CNY → 5 points, credited asynchronously.
    const deadline = Date.now() + 20_000;
    let after = before;
    while (Date.now() < deadline && after < before + 5) {
      await new Promise((r) => setTimeout(r, 250));
      after = await balanceOf(dealerId, token);
    }
    expect(after).toBe(before + 5);

    // Exactly once: the balance does not move again.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await balanceOf(dealerId, token)).toBe(before + 5);
  });
});
