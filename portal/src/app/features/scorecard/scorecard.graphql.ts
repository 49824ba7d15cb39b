import { gql } from 'apollo-angular';

export interface ScorecardIndicator {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: string;
  weight: number;
  threshold: number;
  raw: number | null;
  score: number | null;
  sources: { id: string; kind: string; reference: string; value: number; occurredAt: string }[];
}

export interface RepScorecard {
  repId: string;
  repName: string;
  region: string;
  quarter: string;
  score: number;
  coefficient: number;
  baseCommission: number;
  bonus: number;
  closed: boolean;
  indicators: ScorecardIndicator[];
}

export const SCORECARDS = gql<{ scorecards: RepScorecard[] }, { quarter: string }>`
  query Scorecards($quarter: String!) {
    scorecards(quarter: $quarter) {
      repId repName region quarter score coefficient baseCommission bonus closed
      indicators { code nameZh nameEn unit direction weight threshold raw score sources { id kind reference value occurredAt } }
    }
  }
`;

export const CLOSE_QUARTER = gql<{ closeScorecardQuarter: { repId: string }[] }, { quarter: string }>`
  mutation CloseScorecardQuarter($quarter: String!) { closeScorecardQuarter(quarter: $quarter) { repId } }
`;

/** The current quarter and the three before it, newest first ("2026Q4"). */
export function recentQuarters(now = new Date()): string[] {
  const out: string[] = [];
  let y = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  for (let i = 0; i < 4; i++) {
    out.push(`${y}Q${q}`);
    q -= 1;
    if (q === 0) { q = 4; y -= 1; }
  }
  return out;
}
