import { gql } from 'apollo-angular';

export interface MonthAttainment { period: string; target: number; actual: number; rate: number | null }
export interface SkuHealth {
  skuCode: string; skuName: string; onHand: number; avgWeeklySales: number; weeksOfCover: number | null; slow: boolean; short: boolean;
  suggestion: { kind: string; toDealerCode: string | null; quantity: number; messageZh: string; messageEn: string } | null;
}
export interface HomeData {
  dealerAttainment: { annualTarget: number | null; yearToDateActual: number; yearRate: number | null; currentMonth: MonthAttainment | null; months: MonthAttainment[] };
  stockHealth: { isoWeek: string | null; totalOnHand: number; slowCount: number; shortCount: number; items: SkuHealth[] };
  sellThroughReceipts: { nodes: { id: string; skuCode: string; quantity: number; unitPrice: number; endCustomerName: string; receiptNumber: string; recordedAt: string; crossRegionFlag: boolean; flagStatus: string | null }[] };
  pointsAccount: { balance: number };
}

export const DEALER_HOME = gql<HomeData, { dealerId: string; year: number }>`
  query DealerHome($dealerId: ID!, $year: Int!) {
    dealerAttainment(dealerId: $dealerId, year: $year) { annualTarget yearToDateActual yearRate currentMonth { period target actual rate } months { period target actual rate } }
    stockHealth(dealerId: $dealerId) { isoWeek totalOnHand slowCount shortCount items { skuCode skuName onHand avgWeeklySales weeksOfCover slow short suggestion { kind toDealerCode quantity messageZh messageEn } } }
    sellThroughReceipts(dealerId: $dealerId, first: 5) { nodes { id skuCode quantity unitPrice endCustomerName receiptNumber recordedAt crossRegionFlag flagStatus } }
    pointsAccount(dealerId: $dealerId) { balance }
  }
`;
