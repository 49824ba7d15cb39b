/**
 * Funnel arithmetic, kept apart from SQL so the figures can be checked by hand.
 * A customer has *reached* a stage when its current stage is that one or a later one; the
 * conversion from a stage to the next is reached(next) / reached(stage).
 */
export interface StageCountRow {
  region: string;
  industry: string;
  stage: string;
  n: number;
}

export interface StageConversion {
  stage: string;
  toStage: string;
  conversion: number | null;
}

/** A region whose conversion on a step is far below the overall one (less than this share of it). */
export const FAR_BELOW_SHARE = 0.75;
/** Regions with fewer customers at the step are not judged. */
export const MIN_REGION_SAMPLE = 5;

export function countsByStage(rows: readonly StageCountRow[], stages: readonly string[], keep: (r: StageCountRow) => boolean = () => true): number[] {
  const at = new Map(stages.map((s, i) => [s, i]));
  const counts = stages.map(() => 0);
  for (const r of rows) {
    const i = at.get(r.stage);
    if (i !== undefined && keep(r)) counts[i] += Number(r.n);
  }
  return counts;
}

/** reached[i] = customers currently at stage i or beyond. */
export function reachedOf(counts: readonly number[]): number[] {
  const reached = counts.map(() => 0);
  let acc = 0;
  for (let i = counts.length - 1; i >= 0; i--) {
    acc += counts[i];
    reached[i] = acc;
  }
  return reached;
}

export function conversionsOf(counts: readonly number[], stages: readonly string[]): StageConversion[] {
  const reached = reachedOf(counts);
  return stages.slice(0, -1).map((stage, i) => ({
    stage,
    toStage: stages[i + 1],
    conversion: reached[i] > 0 ? round4(reached[i + 1] / reached[i]) : null,
  }));
}

export function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}

export interface DaysBin {
  stage: string;
  days: number;
  n: number;
  sum: number;
}

export interface TimeInStage {
  average: number | null;
  p90: number | null;
  samples: number;
}

/**
 * Average (exact, from the sums) and p90 (to the day: the bins are whole days) of the days spent
 * in each stage before leaving it.
 */
export function timeInStage(bins: readonly DaysBin[], stage: string): TimeInStage {
  const mine = bins.filter((b) => b.stage === stage).map((b) => ({ days: Number(b.days), n: Number(b.n), sum: Number(b.sum) })).sort((a, b) => a.days - b.days);
  const samples = mine.reduce((s, b) => s + b.n, 0);
  if (!samples) return { average: null, p90: null, samples: 0 };
  const total = mine.reduce((s, b) => s + b.sum, 0);
  const rank = Math.ceil(0.9 * samples);
  let seen = 0;
  let p90 = mine[mine.length - 1].days;
  for (const b of mine) {
    seen += b.n;
    if (seen >= rank) {
      p90 = b.days;
      break;
    }
  }
  return { average: Math.round((total / samples) * 100) / 100, p90, samples };
}
