/**
 * Deterministic demo history for every dealer: 12 weekly stock sheets and the sell-through receipts
 * of those weeks, so weeks of cover, slow movers, transfer suggestions and turnover have data.
 * Each dealer carries 10 SKUs: one "hot" SKU that runs short, two that never sell (slow movers) —
 * one of them is the next dealer's hot SKU, so neighbours get a transfer suggestion — and seven
 * normal ones replenished when they fall under three weeks of demand.
 */
import { createHash } from 'node:crypto';
import { DEMO_NOW, DemoDealer, DemoUser, PROVINCES, SeededRandom } from '@lianxiao/demo-data';
import { stableId } from '@lianxiao/platform';
import type { SkuSeed } from '../catalogue/sku-catalogue';
import { checkTerritory } from '../sell-through/receipt-rules';
import type { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';
import { weeksEndingAt, weekStart } from './iso-week';
import type { StockLine } from './stock-line.entity';
import type { StockUpload } from './stock-upload.entity';
import { stockContentHash } from './stock-sheet';

export const DEMO_STOCK_WEEKS = 12;
const DAY = 86_400_000;
const CUSTOMERS = ['鑫达建材商行', '恒通五金店', '宏远装饰工程部', '佳美门窗厂', '利民水电材料行', '金鼎光伏工程', '华联建筑安装', '永盛模具加工厂'];

interface Batch { batch: string; quantity: number }

function seedOf(code: string): number {
  return parseInt(createHash('sha1').update(`demo-stock:${code}`).digest('hex').slice(0, 8), 16);
}

export function demoStockHistory(dealers: readonly DemoDealer[], users: readonly DemoUser[], skus: readonly SkuSeed[]): {
  uploads: Partial<StockUpload>[]; lines: Partial<StockLine>[]; receipts: Partial<SellThroughReceipt>[];
} {
  const weeks = weeksEndingAt(DEMO_NOW, DEMO_STOCK_WEEKS);
  const hotOf = (i: number) => skus[(i * 7) % skus.length].code;
  const uploads: Partial<StockUpload>[] = [];
  const lines: Partial<StockLine>[] = [];
  const receipts: Partial<SellThroughReceipt>[] = [];
  dealers.forEach((dealer, i) => {
    const r = new SeededRandom(seedOf(dealer.code));
    const hot = hotOf(i);
    const deadNeighbour = hotOf((i + 1) % dealers.length);
    const range = new Set<string>([hot, deadNeighbour]);
    while (range.size < 10) range.add(r.pick(skus).code);
    const codes = [...range];
    const deadOther = codes[2];
    const recordedBy = users.find((u) => u.dealerId === dealer.id)?.id ?? dealer.id;
    const territory = dealer.territories[0];
    const plan = new Map(codes.map((code) => {
      const dead = code === deadNeighbour || code === deadOther;
      // Weekly demand in units from a value share of the dealer's target (about 90% of it over
      // eight selling SKUs), so attainment and turnover come out at believable levels.
      const price = skus.find((s) => s.code === code)!.price;
      const weeklyValue = (dealer.annualTarget * 0.9) / 52 / 8 * (0.5 + r.next());
      const demand = dead ? 0 : Math.max(0.3, (weeklyValue / price) * (code === hot ? 1.5 : 1));
      const start = dead ? Math.max(2, Math.ceil((weeklyValue * r.int(8, 20)) / price)) : Math.ceil(demand * (code === hot ? 4 : r.int(5, 9)));
      return [code, { dead, demand, batches: [{ batch: `${weeks[0].replace('-', '')}A`, quantity: start }] as Batch[] }];
    }));
    weeks.forEach((week, w) => {
      const monday = weekStart(week).getTime();
      const sheet: { skuCode: string; batch: string; warehouse: string; quantity: number }[] = [];
      for (const [code, p] of plan) for (const b of p.batches) if (b.quantity > 0) sheet.push({ skuCode: code, batch: b.batch, warehouse: '主仓', quantity: b.quantity });
      const uploadId = stableId('demo-stock-upload', `${dealer.code}-${week}`);
      uploads.push({
        id: uploadId, dealerId: dealer.id, isoWeek: week, contentHash: stockContentHash(sheet), fileName: `库存周报-${week}.xlsx`,
        lineCount: sheet.length, skuCount: new Set(sheet.map((l) => l.skuCode)).size, totalQuantity: sheet.reduce((s, l) => s + l.quantity, 0),
        version: 1, uploadedBy: recordedBy, uploadedAt: new Date(monday + 9 * 3_600_000),
      });
      for (const l of sheet) lines.push({ id: stableId('demo-stock-line', `${dealer.code}-${week}-${l.skuCode}-${l.batch}`), dealerId: dealer.id, isoWeek: week, ...l });
      const lastDay = Math.min(5, Math.floor((DEMO_NOW - monday) / DAY));
      for (const [code, p] of plan) {
        if (p.dead) continue;
        const onHand = p.batches.reduce((s, b) => s + b.quantity, 0);
        let sold = Math.min(onHand, Math.floor(p.demand * (0.6 + r.next() * 0.8) + r.next()));
        const parts = sold > 6 && r.chance(0.5) ? [Math.ceil(sold / 2), Math.floor(sold / 2)] : [sold];
        parts.forEach((quantity, k) => {
          if (quantity <= 0) return;
          const id = stableId('demo-receipt', `${dealer.code}-${week}-${code}-${k}`);
          const cross = r.chance(0.03);
          const province = cross ? r.pick(PROVINCES.filter((x) => x.code !== territory.provinceCode)) : null;
          const verdict = province ? checkTerritory(dealer.region, dealer.territories, province.code) : { crossRegion: false, confidence: null, reason: null };
          const sku = skus.find((s) => s.code === code)!;
          receipts.push({
            id, dealerId: dealer.id, skuCode: code, quantity, unitPrice: Math.round(sku.price * (0.85 + r.next() * 0.15) * 100) / 100,
            endCustomerName: `${territory.cityName?.replace(/市$/, '') ?? ''}${r.pick(CUSTOMERS)}`,
            deliveryProvinceCode: province?.code ?? territory.provinceCode, deliveryCityCode: province ? null : territory.cityCode,
            receiptNumber: `DEMO-${dealer.code}-${week}-${code}-${k}`, imageSha256: createHash('sha256').update(id).digest('hex'),
            imageMimeType: 'image/jpeg', imageBytes: 150_000 + r.int(0, 90_000), recordedBy,
            recordedAt: new Date(monday + r.int(0, lastDay) * DAY + (10 + r.int(0, 8)) * 3_600_000),
            crossRegionFlag: verdict.crossRegion, flagReason: verdict.reason, flagConfidence: verdict.confidence,
            flagStatus: verdict.crossRegion ? 'FLAGGED' : null, idempotencyKey: null, payloadHash: createHash('sha256').update(`payload:${id}`).digest('hex'),
          });
        });
        for (const b of p.batches) {
          const take = Math.min(b.quantity, sold);
          b.quantity -= take;
          sold -= take;
        }
        p.batches = p.batches.filter((b) => b.quantity > 0);
        const left = p.batches.reduce((s, b) => s + b.quantity, 0);
        const hotCut = code === hot && w >= weeks.length - 8;
        if (!hotCut && left < p.demand * 3) p.batches.push({ batch: `${week.replace('-', '')}R`, quantity: Math.max(1, Math.ceil(p.demand * r.int(5, 8)) - left) });
      }
    });
  });
  return { uploads, lines, receipts };
}

