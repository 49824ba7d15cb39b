export const HealthColour = { GREEN: 'GREEN', YELLOW: 'YELLOW', RED: 'RED' } as const;
export type HealthColour = (typeof HealthColour)[keyof typeof HealthColour];

export function healthColour(score: number): HealthColour {
  if (score >= 70) return HealthColour.GREEN;
  if (score >= 40) return HealthColour.YELLOW;
  return HealthColour.RED;
}

const DAY = 86_400_000;
const STAGE_POINTS: Record<string, number> = { LEAD: 5, INQUIRY: 10, SAMPLING: 15, QUOTATION: 20, TRIAL: 25, CONTRACT: 30, DELIVERY: 30 };

/**
 * Deterministic demo score until the real inputs (payment rate, interaction frequency, demand
 * match) arrive by events: pipeline depth, how recently we spoke, contracted volume, plus a
 * stable per-customer spread.
 */
export function demoHealthScore(customer: { id: string; stage: string; lastInteractionAt: string; contractedAmount: number }, now: number): number {
  const daysSilent = Math.max(0, Math.floor((now - Date.parse(customer.lastInteractionAt)) / DAY));
  const recency = Math.max(0, 35 - Math.round(daysSilent * 1.5));
  const volume = Math.min(15, Math.floor(customer.contractedAmount / 400_000));
  const spread = parseInt(customer.id.replace(/-/g, '').slice(0, 4), 16) % 31;
  return Math.max(0, Math.min(100, 5 + (STAGE_POINTS[customer.stage] ?? 0) + recency + volume + spread));
}

export interface HealthInputs {
  /** Share of first payments on time (0–1); null = no payment yet (counted as neutral 0.8). */
  paymentRate: number | null;
  /** When we last spoke to the customer (stage move, follow-up, contract). */
  lastInteractionAt: Date | null;
  /** Interactions reported in the last 90 days. */
  interactions90d: number;
  /** Pipeline stage: how far the customer's demand matches what we sell. */
  stage: string | null;
}

/**
 * Health from events: payment rate 40 points, interaction frequency 30 (recency 20 + volume 10),
 * demand match 30 (pipeline depth). 0–100.
 */
export function healthScore(inputs: HealthInputs, now: number): number {
  const payment = 40 * (inputs.paymentRate ?? 0.8);
  const silentDays = inputs.lastInteractionAt ? Math.max(0, (now - inputs.lastInteractionAt.getTime()) / DAY) : 90;
  const recency = 20 * Math.max(0, 1 - Math.max(0, silentDays - 7) / 53);
  const volume = Math.min(10, inputs.interactions90d * 2);
  const demand = inputs.stage ? (STAGE_POINTS[inputs.stage] ?? 0) : 0;
  return Math.max(0, Math.min(100, Math.round(payment + recency + volume + demand)));
}
