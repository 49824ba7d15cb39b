import { gql } from 'apollo-angular';

export interface TargetSplit { period: string; amount: number }
export interface LineAmount { productLine: string; amount: number }
export interface MonthAttainment { period: string; target: number; actual: number; rate: number | null }
export interface LineAttainment {
  productLine: string; annualTarget: number | null; yearToDateActual: number; yearRate: number | null;
  currentMonthTarget: number | null; currentMonthActual: number; currentMonthRate: number | null;
}
export type PlanStatus = 'PLANNED' | 'RUNNING' | 'DONE' | 'CANCELLED';
export const PLAN_STATUSES: readonly PlanStatus[] = ['PLANNED', 'RUNNING', 'DONE', 'CANCELLED'];
/** Where a plan may go from each status (the dealers service refuses anything else); DONE and CANCELLED are final. */
export const PLAN_NEXT_STATUSES: Record<PlanStatus, readonly PlanStatus[]> = {
  PLANNED: ['RUNNING', 'DONE', 'CANCELLED'], RUNNING: ['DONE', 'CANCELLED'], DONE: [], CANCELLED: [],
};
export interface PromotionPlan {
  id: string; year: number; name: string; startDate: string; endDate: string; budget: number;
  expectedUpliftPct: number; productLine: string | null; status: PlanStatus;
}
export interface PromotionPlanInput {
  year: number; name: string; startDate: string; endDate: string; budget: number;
  expectedUpliftPct: number; productLine: string | null; status: PlanStatus;
}
export interface DealerOption { id: string; code: string; name: string }

export interface TargetsData {
  productLines: string[];
  dealerTarget: { annualAmount: number; productLines: LineAmount[]; splits: TargetSplit[] } | null;
  dealerAttainment: { annualTarget: number | null; yearToDateActual: number; yearRate: number | null; months: MonthAttainment[]; productLines: LineAttainment[] };
  promotionPlans: { nodes: PromotionPlan[] };
}

export const TARGETS_PAGE = gql<TargetsData, { dealerId: string; year: number }>`
  query TargetsPage($dealerId: ID!, $year: Int!) {
    productLines
    dealerTarget(dealerId: $dealerId, year: $year) { annualAmount productLines { productLine amount } splits { period amount } }
    dealerAttainment(dealerId: $dealerId, year: $year) {
      annualTarget yearToDateActual yearRate
      months { period target actual rate }
      productLines { productLine annualTarget yearToDateActual yearRate currentMonthTarget currentMonthActual currentMonthRate }
    }
    promotionPlans(dealerId: $dealerId, year: $year, first: 200) { nodes { id year name startDate endDate budget expectedUpliftPct productLine status } }
  }
`;

export const SPLIT_SUGGESTION = gql<{ targetSplitSuggestion: { basis: string; quarters: number[]; months: number[] } }, { dealerId: string; year: number }>`
  query TargetSplitSuggestion($dealerId: ID!, $year: Int!) {
    targetSplitSuggestion(dealerId: $dealerId, year: $year) { basis quarters months }
  }
`;

export const TARGET_DEALERS = gql<{ dealers: { nodes: DealerOption[] } }, Record<string, never>>`
  query TargetDealers { dealers(first: 100) { nodes { id code name } } }
`;

export const SPLIT_TARGET = gql<{ splitTarget: { annualAmount: number } }, { dealerId: string; year: number; quarters: number[]; months: number[] }>`
  mutation SplitTarget($dealerId: ID!, $year: Int!, $quarters: [Float!]!, $months: [Float!]!) {
    splitTarget(dealerId: $dealerId, year: $year, quarters: $quarters, months: $months) { annualAmount splits { period amount } }
  }
`;

export const SET_ANNUAL_TARGET = gql<{ setAnnualTarget: { annualAmount: number } }, { dealerId: string; year: number; amount: number; productLines: LineAmount[] }>`
  mutation SetAnnualTarget($dealerId: ID!, $year: Int!, $amount: Float!, $productLines: [ProductLineAmountInput!]) {
    setAnnualTarget(dealerId: $dealerId, year: $year, amount: $amount, productLines: $productLines) { annualAmount productLines { productLine amount } }
  }
`;

export const CREATE_PLAN = gql<{ createPromotionPlan: PromotionPlan }, { input: PromotionPlanInput }>`
  mutation CreatePromotionPlan($input: PromotionPlanInput!) {
    createPromotionPlan(input: $input) { id year name startDate endDate budget expectedUpliftPct productLine status }
  }
`;

export const UPDATE_PLAN = gql<{ updatePromotionPlan: PromotionPlan }, { id: string; input: PromotionPlanInput }>`
  mutation UpdatePromotionPlan($id: ID!, $input: PromotionPlanInput!) {
    updatePromotionPlan(id: $id, input: $input) { id year name startDate endDate budget expectedUpliftPct productLine status }
  }
`;

export const DELETE_PLAN = gql<{ deletePromotionPlan: string }, { id: string }>`
  mutation DeletePromotionPlan($id: ID!) { deletePromotionPlan(id: $id) }
`;
