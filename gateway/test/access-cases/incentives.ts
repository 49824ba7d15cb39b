/** Access cases for the incentives subgraph's root fields. */
import { FieldCase, EVERYONE_SIGNED_IN, DEALER_SCOPED, HQ_ONLY, ONLY } from './kit';

export const INCENTIVES_CASES: Record<string, FieldCase> = {
  /** Points: HQ any dealer, dealer staff their own only. */
  pointsAccount: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  pointsEntries: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  /** How dealers earn points: every signed-in user. */
  pointsEarnRules: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  /** The contract scorecard: director, admin and finance only. */
  contractScores: { scopes: ['list'], expect: { hq: 'data', finance: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } },
  /** Redemption catalogue: everyone reads; director/admin edit it. */
  redemptionItems: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  saveRedemptionItem: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  /** Redemptions: dealer staff their own dealer only, HQ any. */
  redemptions: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  /** Redeeming: dealer staff only; the probe (quantity 0) is refused as invalid without writing. */
  redeemPoints: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'VALIDATION_FAILED' },
    args: { quantity: 0, idempotencyKey: 'matrix-probe' },
  },
  /** HQ point corrections: director/admin. */
  adjustPoints: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  /** Points issued vs redeemed network-wide: HQ only. */
  pointsNetworkSummary: { scopes: ['list'], expect: HQ_ONLY },
  /** Scorecards (issue 9): reps their own, supervisors their region, director/admin/finance all; other departments and dealers refused. */
  scorecardSettings: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'data', staff: 'FORBIDDEN', finance: 'data', dealer: 'FORBIDDEN' }, args: { quarter: '2026Q4' } },
  scorecards: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'data', staff: 'FORBIDDEN', finance: 'data', dealer: 'FORBIDDEN' }, args: { quarter: '2026Q4' } },
  /** Weights and thresholds: the admin edits; the what-if simulator is for the director and admin (nothing saved). */
  saveScorecardSettings: { scopes: ['probe'], expect: ONLY('admin') },
  scorecardWhatIf: { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' }, args: { input: { quarter: '2026Q4' } } },
  /** Indicator source records (surveys, returns, first payments): director, admin, finance. */
  recordScorecardEntries: { scopes: ['probe'], expect: ONLY('director', 'admin', 'finance') },
  setRepQuarterTarget: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  /** Closing a quarter (frozen): the director alone. */
  closeScorecardQuarter: { scopes: ['probe'], expect: ONLY('director') },
  /** New-hire days to first deal: director, admin, supervisors. */
  newHireRamp: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } },
};
