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
