import { errorCodes, gql, tokenFor } from '@lianxiao/testing';

/** A quarter no other run uses, so the test passes again on the same database. */
const QUARTER = `${2200 + Math.floor(Math.random() * 700)}Q${1 + Math.floor(Math.random() * 4)}`;
const year = Number(QUARTER.slice(0, 4));
const month = (Number(QUARTER.slice(5)) - 1) * 3;
const inQuarter = (day: number) => new Date(Date.UTC(year, month, day)).toISOString();

const SCORECARDS = `query($q: String!) { scorecards(quarter: $q) { repId repName score coefficient baseCommission bonus closed
  indicators { code raw score weight sources { reference value } } } }`;

interface Card { repId: string; score: number; coefficient: number; baseCommission: number; bonus: number; closed: boolean; indicators: { code: string; raw: number | null; score: number | null; sources: { reference: string }[] }[] }

async function userId(username: string): Promise<string> {
  const me = await gql<{ me: { id: string } }>('{ me { id } }', {}, await tokenFor(username));
  return me.data!.me.id;
}

describe(`scorecard of a fixture quarter (${QUARTER})`, () => {
  let rep: string;

  beforeAll(async () => {
    rep = await userId('rep.east1');
    const target = await gql('mutation($i: RepTargetInput!) { setRepQuarterTarget(input: $i) }', { i: { repId: rep, quarter: QUARTER, targetAmount: 1_000_000, baseCommission: 20_000 } }, await tokenFor('director'));
    expect(target.errors).toBeUndefined();
    const entry = (kind: string, value: number, day: number, value2?: number) => ({ repId: rep, kind, reference: `T-${kind.slice(0, 4)}-${day}`, value, value2: value2 ?? null, occurredAt: inQuarter(day) });
    const entries = [
      entry('FIRST_PAYMENT', 3, 2), entry('FIRST_PAYMENT', 11, 3), entry('FIRST_PAYMENT', -2, 4),
      entry('COMPLAINT_SURVEY', 4, 5), entry('COMPLAINT_SURVEY', 5, 6),
      entry('NEW_PRODUCT_RECOMMENDATION', 1, 7), entry('NEW_PRODUCT_RECOMMENDATION', 0, 8), entry('NEW_PRODUCT_RECOMMENDATION', 0, 9),
      entry('NEW_PRODUCT_RECOMMENDATION', 0, 10), entry('NEW_PRODUCT_RECOMMENDATION', 0, 11),
      entry('PAYMENT_CYCLE', 45, 12), entry('PAYMENT_CYCLE', 75, 13),
      entry('RETURN_REPAIR', 3, 14, 100),
      entry('INTERACTION', 30, 15), entry('INTERACTION', 24, 16),
    ];
    const recorded = await gql<{ recordScorecardEntries: number }>('mutation($e: [ScorecardRecordInput!]!) { recordScorecardEntries(entries: $e) }', { e: entries }, await tokenFor('finance'));
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordScorecardEntries).toBe(15);
  });

  it('shows the rep their own scorecard with the hand-computed figures', async () => {
    const answer = await gql<{ scorecards: Card[] }>(SCORECARDS, { q: QUARTER }, await tokenFor('rep.east1'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.scorecards).toHaveLength(1);
    const card = answer.data!.scorecards[0];
    const by = Object.fromEntries(card.indicators.map((i) => [i.code, i]));
    // no contract signed in the quarter: 0 of 1,000,000 = 0 % → score 0
    expect(by.CONTRACT_ACHIEVEMENT).toMatchObject({ raw: 0, score: 0, sources: [] });
    // days late 3, 11, 0 → 4.67 ≤ 7 → 100
    expect(by.FIRST_PAYMENT_ON_TIME).toMatchObject({ raw: 4.67, score: 100 });
    expect(by.FIRST_PAYMENT_ON_TIME.sources).toHaveLength(3);
    // surveys (4 + 5) / 2 = 4.5 → 100; 1 of 5 recommendations = 20 % of 25 % → 80; (45 + 75) / 2 = 60 days → 100
    expect(by.COMPLAINT_SATISFACTION).toMatchObject({ raw: 4.5, score: 100 });
    expect(by.NEW_PRODUCT_SUCCESS).toMatchObject({ raw: 20, score: 80 });
    expect(by.PAYMENT_CYCLE).toMatchObject({ raw: 60, score: 100 });
    // 3 of 100 returned = 3 % against ≤ 2 % → 100 × 2 / 3 = 66.67; 54 interactions of 60 → 90; repurchase: no data
    expect(by.RETURN_REPAIR_RATE).toMatchObject({ raw: 3, score: 66.67 });
    expect(by.INTERACTION_FREQUENCY).toMatchObject({ raw: 54, score: 90 });
    expect(by.REPURCHASE_POTENTIAL).toMatchObject({ raw: null, score: null });
    // (30×0 + 20×100 + 15×100 + 10×80 + 7×100 + 6×66.67 + 6×90) / (100 − 6 without data)
    // = (0 + 2000 + 1500 + 800 + 700 + 400.02 + 540) / 94 = 5940.02 / 94 = 63.19 → band ≥ 60 → 0.8; 20,000 × 0.8 = 16,000
    expect(card).toMatchObject({ repId: rep, score: 63.19, coefficient: 0.8, baseCommission: 20_000, bonus: 16_000, closed: false });
  });

  it('keeps one rep’s scorecard from another rep', async () => {
    const answer = await gql<{ scorecards: Card[] }>(SCORECARDS, { q: QUARTER }, await tokenFor('rep.east2'));
    expect(answer.data!.scorecards.map((c) => c.repId)).not.toContain(rep);
    expect(answer.data!.scorecards).toHaveLength(1);
  });

  it('refuses weights that do not total 100 %, naming the total, and saves nothing', async () => {
    const settings = await gql<{ scorecardSettings: { version: number; indicators: { code: string; weight: number; threshold: number }[] } }>(
      'query($q: String!) { scorecardSettings(quarter: $q) { version indicators { code weight threshold } } }', { q: QUARTER }, await tokenFor('admin'));
    const indicators = settings.data!.scorecardSettings.indicators.map((i) => (i.code === 'CONTRACT_ACHIEVEMENT' ? { ...i, weight: 35 } : i));
    const answer = await gql('mutation($i: ScorecardSettingsInput!) { saveScorecardSettings(input: $i) { version } }', { i: { quarter: QUARTER, indicators } }, await tokenFor('admin'));
    expect(errorCodes(answer)).toEqual(['SCORECARD_WEIGHTS_NOT_100']);
    expect(answer.errors![0].extensions?.messageZh).toBe('权重合计须为 100%，当前为 105%');
    const after = await gql<{ scorecardSettings: { version: number } }>('query($q: String!) { scorecardSettings(quarter: $q) { version } }', { q: QUARTER }, await tokenFor('admin'));
    expect(after.data!.scorecardSettings.version).toBe(settings.data!.scorecardSettings.version);
  });

  it('simulates candidate settings for the director without saving them', async () => {
    const answer = await gql<{ scorecardWhatIf: { totalBonusBefore: number; totalBonusAfter: number; reps: { repId: string; coefficientBefore: number; coefficientAfter: number; bonusAfter: number }[] } }>(
      'query($i: ScorecardSettingsInput!) { scorecardWhatIf(input: $i) { totalBonusBefore totalBonusAfter reps { repId coefficientBefore coefficientAfter bonusAfter } } }',
      { i: { quarter: QUARTER, bands: [{ minScore: 0, coefficient: 0.6 }, { minScore: 60, coefficient: 1.4 }] } }, await tokenFor('director'));
    expect(answer.errors).toBeUndefined();
    // only rep.east1 has a base commission in this quarter: 16,000 before, 20,000 × 1.4 = 28,000 after
    expect(answer.data!.scorecardWhatIf.reps.find((r) => r.repId === rep)).toMatchObject({ coefficientBefore: 0.8, coefficientAfter: 1.4, bonusAfter: 28_000 });
    expect(answer.data!.scorecardWhatIf).toMatchObject({ totalBonusBefore: 16_000, totalBonusAfter: 28_000 });
    const again = await gql<{ scorecards: Card[] }>(SCORECARDS, { q: QUARTER }, await tokenFor('rep.east1'));
    expect(again.data!.scorecards[0].coefficient).toBe(0.8);
    expect(errorCodes(await gql('query($i: ScorecardSettingsInput!) { scorecardWhatIf(input: $i) { totalBonusAfter } }', { i: { quarter: QUARTER } }, await tokenFor('supervisor.east')))).toEqual(['FORBIDDEN']);
  });

  it('lets the director close the quarter, after which it is frozen', async () => {
    expect(errorCodes(await gql('mutation($q: String!) { closeScorecardQuarter(quarter: $q) { repId } }', { q: QUARTER }, await tokenFor('admin')))).toEqual(['FORBIDDEN']);
    const closed = await gql<{ closeScorecardQuarter: Card[] }>('mutation($q: String!) { closeScorecardQuarter(quarter: $q) { repId closed bonus } }', { q: QUARTER }, await tokenFor('director'));
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeScorecardQuarter.find((c) => c.repId === rep)).toMatchObject({ closed: true, bonus: 16_000 });
    const late = await gql('mutation($e: [ScorecardRecordInput!]!) { recordScorecardEntries(entries: $e) }',
      { e: [{ repId: rep, kind: 'COMPLAINT_SURVEY', reference: 'T-LATE', value: 1, occurredAt: inQuarter(20) }] }, await tokenFor('finance'));
    expect(errorCodes(late)).toEqual(['SCORECARD_QUARTER_CLOSED']);
    const card = await gql<{ scorecards: Card[] }>(SCORECARDS, { q: QUARTER }, await tokenFor('supervisor.east'));
    expect(card.data!.scorecards.find((c) => c.repId === rep)).toMatchObject({ closed: true, score: 63.19, bonus: 16_000 });
  });
});
