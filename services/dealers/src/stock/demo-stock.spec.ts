import { demoWorld } from '@lianxiao/demo-data';
import { SKU_CATALOGUE } from '../catalogue/sku-catalogue';
import { demoStockHistory } from './demo-stock';

describe('demo stock history', () => {
  const world = demoWorld();
  const history = demoStockHistory(world.dealers, world.users, SKU_CATALOGUE);

  it('gives every dealer 12 weekly sheets and is the same on every run', () => {
    expect(history.uploads).toHaveLength(37 * 12);
    expect(demoStockHistory(world.dealers, world.users, SKU_CATALOGUE).lines).toEqual(history.lines);
  });

  it('never holds negative stock and only sells what was there', () => {
    expect(history.lines.every((l) => (l.quantity ?? 0) > 0)).toBe(true);
    expect(history.receipts.every((r) => (r.quantity ?? 0) > 0)).toBe(true);
    expect(new Set(history.receipts.map((r) => r.receiptNumber)).size).toBe(history.receipts.length);
  });

  it('flags a few deliveries outside the territory as 窜货', () => {
    const flagged = history.receipts.filter((r) => r.crossRegionFlag);
    expect(flagged.length).toBeGreaterThan(20);
    expect(flagged.every((r) => r.flagStatus === 'FLAGGED' && r.flagReason)).toBe(true);
  });
});
