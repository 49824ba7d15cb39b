import { gql } from 'apollo-angular';

export interface NetworkData {
  networkAttainment: { dealerId: string; dealerCode: string; dealerName: string; region: string; annualTarget: number | null; yearToDateActual: number; yearRate: number | null; yearToDateRate: number | null }[];
  networkStockTurnover: { weeks: string[]; annualisedTurnover: number | null; definitionZh: string; definitionEn: string; dealers: { dealerCode: string; dealerName: string; region: string; annualisedTurnover: number | null; points: { isoWeek: string; turnover: number | null }[] }[] };
  crossRegionFlagsByProvince: { provinceCode: string; provinceName: string; flagged: number; standing: number }[];
  pointsNetworkSummary: { month: string; issued: number; redeemed: number }[];
}

export const NETWORK = gql<NetworkData, { year: number }>`
  query Network($year: Int!) {
    networkAttainment(year: $year) { dealerId dealerCode dealerName region annualTarget yearToDateActual yearRate yearToDateRate }
    networkStockTurnover(weeks: 12) { weeks annualisedTurnover definitionZh definitionEn dealers { dealerCode dealerName region annualisedTurnover points { isoWeek turnover } } }
    crossRegionFlagsByProvince { provinceCode provinceName flagged standing }
    pointsNetworkSummary(months: 12) { month issued redeemed }
  }
`;
