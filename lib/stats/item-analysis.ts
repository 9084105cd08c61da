/**
 * Quiz statistics with the definitions of Moodle's quiz statistics report
 * (docs.moodle.org/dev/Quiz_statistics_calculations), so the numbers can be compared with Moodle's.
 * Pure functions. A value that cannot be computed from the data (one attempt, zero variance, a
 * one-question quiz) is `null` — "not enough data" on screen — never NaN.
 *
 * Input: one row per attempt, one mark per question, each mark a fraction of the question's
 * maximum (0…1). Moodle reports the indices as percentages; here they are fractions (0.35 = 35%).
 */

type Marks = readonly (readonly number[])[];

export interface ItemStats {
  /** Mean mark as a fraction of the maximum: how easy the question is. */
  facility: number | null;
  /** Sample standard deviation of the mark. */
  sd: number | null;
  /** Correlation of the question's mark with the rest of the test (the total without this question). */
  discrimination: number | null;
  /** Covariance with the rest of the test, over the largest covariance the same marks could have. */
  efficiency: number | null;
}

export interface TestStats {
  attempts: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  /** Cronbach's alpha (Moodle's coefficient of internal consistency). */
  alpha: number | null;
  /** sqrt(1 − alpha): the share of the score spread that is noise. */
  errorRatio: number | null;
  /** errorRatio × sd, in the same units as the scores. */
  standardError: number | null;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Sample covariance (n − 1), as Moodle uses. */
function covariance(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (xs[i]! - mx) * (ys[i]! - my);
  return sum / (n - 1);
}

function variance(xs: readonly number[]): number | null {
  return covariance(xs, xs);
}

export function sd(xs: readonly number[]): number | null {
  const v = variance(xs);
  return v === null ? null : Math.sqrt(v);
}

const EPSILON = 1e-12;
const defined = (v: number | null): v is number => v !== null && Number.isFinite(v);

export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const c = covariance(xs, ys);
  const vx = variance(xs);
  const vy = variance(ys);
  if (!defined(c) || !defined(vx) || !defined(vy) || vx < EPSILON || vy < EPSILON) return null;
  return c / Math.sqrt(vx * vy);
}

/** One question's statistics from its marks and, per attempt, the rest of that attempt's score. */
export function itemStatistics(col: readonly number[], rest: readonly number[], questions: number): ItemStats {
  const cov = covariance(col, rest);
  const maxCov = covariance(
    [...col].sort((a, b) => a - b),
    [...rest].sort((a, b) => a - b),
  );
  return {
    facility: mean(col),
    sd: sd(col),
    discrimination: questions > 1 ? correlation(col, rest) : null,
    efficiency: questions > 1 && defined(cov) && defined(maxCov) && maxCov > EPSILON ? cov / maxCov : null,
  };
}

/** Cronbach's alpha over complete columns (every attempt has a mark in each); null below two columns. */
export function cronbachAlpha(columns: readonly (readonly number[])[]): number | null {
  const k = columns.length;
  if (k < 2) return null;
  const n = columns[0]!.length;
  const totals = Array.from({ length: n }, (_, i) => columns.reduce((s, c) => s + c[i]!, 0));
  const totalVariance = variance(totals);
  const itemVariances = columns.map(variance);
  return defined(totalVariance) && totalVariance > EPSILON && itemVariances.every(defined)
    ? (k / (k - 1)) * (1 - (itemVariances as number[]).reduce((a, b) => a + b, 0) / totalVariance)
    : null;
}

/** Alpha can be negative on small or odd data; the error ratio is then undefined. */
export const errorRatioOf = (alpha: number | null): number | null =>
  alpha !== null && alpha <= 1 && alpha >= 0 ? Math.sqrt(1 - alpha) : null;

/** `questions` defaults to the width of the first row; pass it so a quiz nobody took still has its items. */
export function analyseItems(marks: Marks, questions = marks[0]?.length ?? 0): { test: TestStats; items: ItemStats[] } {
  const n = marks.length;
  const k = questions;
  const totals = marks.map((row) => row.reduce((a, b) => a + b, 0));
  const columns = Array.from({ length: k }, (_, q) => marks.map((row) => row[q] ?? 0));
  const items = columns.map((col) =>
    itemStatistics(
      col,
      totals.map((t, i) => t - col[i]!),
      k,
    ),
  );
  const alpha = n > 0 ? cronbachAlpha(columns) : null;
  const errorRatio = errorRatioOf(alpha);
  const testSd = sd(totals);
  return {
    test: {
      attempts: n,
      mean: mean(totals),
      median: median(totals),
      sd: testSd,
      alpha,
      errorRatio,
      standardError: errorRatio !== null && testSd !== null ? errorRatio * testSd : null,
    },
    items,
  };
}

export type ItemFlag = 'too easy' | 'too hard' | 'poor discrimination' | 'unused distractor';

/** Moodle's rules of thumb, as the issue sets them: facility > 0.9 or < 0.2, discrimination < 0.2. */
export function flagItem(stats: ItemStats, optionCounts?: readonly number[], keyIndices?: readonly number[]): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (stats.facility !== null && stats.facility > 0.9) flags.push('too easy');
  if (stats.facility !== null && stats.facility < 0.2) flags.push('too hard');
  if (stats.discrimination !== null && stats.discrimination < 0.2) flags.push('poor discrimination');
  if (optionCounts && keyIndices && optionCounts.some((c, i) => c === 0 && !keyIndices.includes(i))) flags.push('unused distractor');
  return flags;
}
