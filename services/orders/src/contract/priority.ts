import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';

/** Health when the incentives service has not told us (PRODUCT.md §3 priority). */
export const DEFAULT_CUSTOMER_HEALTH = 50;

export const PRIORITY_WEIGHTS = { margin: 0.5, urgency: 0.3, health: 0.2 } as const;
/** A gross margin at or above this scores the full 100 margin points. */
export const FULL_MARGIN = 0.5;

export const URGENCY_POINTS: Record<RequirementUrgency, number> = {
  [RequirementUrgency.LOW]: 25,
  [RequirementUrgency.NORMAL]: 50,
  [RequirementUrgency.HIGH]: 75,
  [RequirementUrgency.URGENT]: 100,
};

export interface PriorityBreakdown {
  /** 0–100, the weighted sum of the three components. */
  score: number;
  /** Weighted contributions (points of the score) of each component. */
  margin: number;
  urgency: number;
  health: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Capacity priority: margin (0–1, full marks at 50 %) weighs 50 %, urgency 30 %, customer
 * health (0–100) 20 %. Components are reported as their contribution to the score.
 */
export function priorityOf(grossMargin: number, urgency: RequirementUrgency, health: number = DEFAULT_CUSTOMER_HEALTH): PriorityBreakdown {
  const marginPoints = clamp(grossMargin / FULL_MARGIN, 0, 1) * 100;
  const margin = round1(marginPoints * PRIORITY_WEIGHTS.margin);
  const urgencyPart = round1((URGENCY_POINTS[urgency] ?? URGENCY_POINTS.NORMAL) * PRIORITY_WEIGHTS.urgency);
  const healthPart = round1(clamp(health, 0, 100) * PRIORITY_WEIGHTS.health);
  return { score: round1(margin + urgencyPart + healthPart), margin, urgency: urgencyPart, health: healthPart };
}

export type PriorityBand = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';

/** The event catalogue's priority band for a score: ≥ 75 URGENT, ≥ 60 HIGH, ≥ 40 NORMAL, else LOW. */
export function priorityBand(score: number): PriorityBand {
  if (score >= 75) return 'URGENT';
  if (score >= 60) return 'HIGH';
  if (score >= 40) return 'NORMAL';
  return 'LOW';
}

/** Gross margin tiers shown to roles that may not read the margin itself. */
export const MARGIN_TIER_HIGH = 0.3;
export const MARGIN_TIER_MEDIUM = 0.15;

export function marginTierOf(grossMargin: number): 'HIGH' | 'MEDIUM' | 'LOW' {
  if (grossMargin >= MARGIN_TIER_HIGH) return 'HIGH';
  if (grossMargin >= MARGIN_TIER_MEDIUM) return 'MEDIUM';
  return 'LOW';
}
