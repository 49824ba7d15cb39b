import { stableId } from '@lianxiao/platform';
import type { RedemptionItem } from './redemption-item.entity';

/** The demo catalogue of marketing materials (seeded once; HQ edits it afterwards). */
export const DEMO_REDEMPTION_ITEMS: readonly Omit<RedemptionItem, 'id' | 'updatedAt' | 'active'>[] = [
  { code: 'MM-POSTER', name: '门店海报（A1）', description: '新品主视觉海报，一套 4 张', unit: '套', pointsCost: 20, stock: 100_000 },
  { code: 'MM-BROCHURE', name: '产品手册（100 本）', description: '2026 版全线产品手册', unit: '箱', pointsCost: 60, stock: 5_000 },
  { code: 'MM-XSTAND', name: 'X 展架', description: '80×180 cm，含画面', unit: '个', pointsCost: 80, stock: 800 },
  { code: 'MM-SAMPLE-BOX', name: '五金件样品箱', description: '门店展示用样品 24 件', unit: '箱', pointsCost: 300, stock: 200 },
  { code: 'MM-SHELF', name: '品牌陈列货架', description: '1.2 m 钢制陈列架，含灯箱', unit: '组', pointsCost: 1200, stock: 40 },
  { code: 'MM-GIFT', name: '客户礼品（定制保温杯）', description: '印品牌 LOGO，一箱 20 个', unit: '箱', pointsCost: 150, stock: 1_000 },
];

export function demoRedemptionItems(): Partial<RedemptionItem>[] {
  return DEMO_REDEMPTION_ITEMS.map((item) => ({ id: stableId('redemption-item', item.code), active: true, ...item }));
}
