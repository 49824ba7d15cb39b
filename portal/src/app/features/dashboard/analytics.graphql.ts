import { gql } from 'apollo-angular';

export interface AnalyticsFilter {
  region?: string | null;
  industry?: string | null;
  productLine?: string | null;
  from?: string | null;
  to?: string | null;
}

export interface FunnelStage {
  stage: string;
  nameZh: string;
  nameEn: string;
  count: number;
  reached: number;
  conversionToNext: number | null;
  averageDaysInStage: number | null;
  p90DaysInStage: number | null;
}

export interface RegionConversion {
  region: string;
  stage: string;
  toStage: string;
  conversion: number | null;
  overallConversion: number | null;
  belowAverage: boolean;
}

export interface HeatmapCell {
  stage: string;
  key: string;
  count: number;
}

export interface DashboardData {
  salesFunnel: { total: number; stages: FunnelStage[]; regionConversions: RegionConversion[] };
  stageHeatmap: { dimension: 'REGION' | 'INDUSTRY'; stages: string[]; keys: string[]; cells: HeatmapCell[] };
  overdueCustomers: { daysOverdue: number; customer: { id: string; name: string; region: string; stage: string; ownerName: string | null } }[];
  obstacleWordCloud: { word: string; count: number }[];
  paymentRiskSignals: { recentPaymentMentions: number; earlierAcceptanceMentions: number; customer: { id: string; name: string; region: string } }[];
}

/** The whole dashboard in one request: funnel + heatmap share one grouped count on the server. */
export const DASHBOARD = gql<DashboardData, { filter: AnalyticsFilter; dimension: 'REGION' | 'INDUSTRY' }>`
  query Dashboard($filter: AnalyticsFilter, $dimension: HeatmapDimension!) {
    salesFunnel(filter: $filter) {
      total
      stages { stage nameZh nameEn count reached conversionToNext averageDaysInStage p90DaysInStage }
      regionConversions { region stage toStage conversion overallConversion belowAverage }
    }
    stageHeatmap(filter: $filter, dimension: $dimension) { dimension stages keys cells { stage key count } }
    overdueCustomers(filter: $filter) { daysOverdue customer { id name region stage ownerName } }
    obstacleWordCloud(filter: $filter) { word count }
    paymentRiskSignals(filter: $filter, first: 10) { recentPaymentMentions earlierAcceptanceMentions customer { id name region } }
  }
`;

export interface DrillCustomer {
  id: string;
  name: string;
  region: string;
  industry: string;
  stage: string;
  ownerName: string | null;
  lastInteractionAt: string;
}

export const DRILL_CUSTOMERS = gql<
  { analyticsCustomers: { totalCount: number; nodes: DrillCustomer[] } },
  { filter: AnalyticsFilter; stage?: string | null; overdueOnly?: boolean; obstacleWord?: string | null; first: number; offset: number }
>`
  query DrillCustomers($filter: AnalyticsFilter, $stage: String, $overdueOnly: Boolean, $obstacleWord: String, $first: Int, $offset: Int) {
    analyticsCustomers(filter: $filter, stage: $stage, overdueOnly: $overdueOnly, obstacleWord: $obstacleWord, first: $first, offset: $offset) {
      totalCount
      nodes { id name region industry stage ownerName lastInteractionAt }
    }
  }
`;

export interface DrillDetail {
  id: string;
  name: string;
  followUps: { id: string; type: string; summary: string; obstacle: string | null; createdAt: string }[];
  stageTransitions: { id: string; fromStage: string; toStage: string; movedAt: string; daysInPreviousStage: number }[];
}

export const DRILL_DETAIL = gql<{ customer: DrillDetail | null }, { id: string }>`
  query DrillDetail($id: ID!) {
    customer(id: $id) {
      id
      name
      followUps(first: 20) { id type summary obstacle createdAt }
      stageTransitions { id fromStage toStage movedAt daysInPreviousStage }
    }
  }
`;

export interface BehaviourData {
  newHireRamp: { averageDays: number | null; reps: { repName: string; daysToFirstDeal: number | null }[] } | null;
  departmentResponseTimes: { department: string; averageFirstActionHours: number | null; averageDoneHours: number | null; count: number }[] | null;
}

/** Behaviour metrics live where their data is (incentives: new hires; orders: department tasks); the gateway composes them. */
export const BEHAVIOUR = gql<BehaviourData, Record<string, never>>`
  query Behaviour {
    newHireRamp { averageDays reps { repName daysToFirstDeal } }
    departmentResponseTimes { department averageFirstActionHours averageDoneHours count }
  }
`;
