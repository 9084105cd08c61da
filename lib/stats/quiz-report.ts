import type {
  StoredAnswerKey as AnswerKey,
  StoredQuestionData as PublicQuestionData,
  StoredResponse as Response,
} from '@/lib/questions/kinds';
import {
  cronbachAlpha,
  errorRatioOf,
  flagItem,
  itemStatistics,
  mean,
  median,
  sd,
  type ItemFlag,
  type ItemStats,
  type TestStats,
} from './item-analysis';

/**
 * Turns stored attempts into the item-analysis report: picks the attempts (each learner's first,
 * or all), builds the mark matrix, counts how often each option was chosen. Pure.
 *
 * An item is a question across its versions: an edited question that had answers is stored as a
 * new version (a new row), and both versions carry the same `itemId`, so they make one column.
 * Each attempt is scored over the items it had (an item added later is not a zero in an earlier
 * attempt), and Cronbach's alpha uses only the items every attempt had.
 */

/** Below this many attempts no question is flagged: with two students one guess moves every index. */
export const MIN_ATTEMPTS_FOR_FLAGS = 10;

export type AttemptScope = 'first' | 'all';

export interface ReportQuestion {
  id: string;
  /** Versions of one edited question share it; defaults to the id. The first version listed speaks for the item. */
  itemId?: string;
  data: PublicQuestionData;
  answerKey: AnswerKey;
}
export interface ReportAttempt {
  id: string;
  userId: string;
  submittedAt: Date;
}
export interface ReportAnswer {
  attemptId: string;
  questionId: string;
  response: Response | null;
  correct: boolean;
  /** The awarded share of the question's marks (0…1); defaults to 1 when correct, else 0. */
  mark?: number;
}

interface OptionCount {
  label: string;
  count: number;
  isKey: boolean;
}

interface ItemReport {
  /** The version that speaks for the item (the first listed, the current one). */
  questionId: string;
  /** Ids of every version counted in this item. */
  versionIds: string[];
  /** Attempts that had the item (any version). */
  answered: number;
  stats: ItemStats;
  flags: ItemFlag[];
  /** Choice and true/false questions: how often each option was picked, over the versions with these options. */
  options: OptionCount[] | null;
  /** Attempts that left the question blank. */
  blank: number;
}

interface QuizReport {
  scope: AttemptScope;
  /** Mean, median, sd and standard error are shares of each attempt's own maximum (0…1). */
  test: TestStats;
  /** False while there are fewer than MIN_ATTEMPTS_FOR_FLAGS attempts: no question is flagged. */
  flagsShown: boolean;
  /** How many items alpha was computed over (those every attempt had). */
  alphaItems: number;
  /** Attempts per tenth of the score range: [0–10%), [10–20%) … [90–100%]. */
  distribution: number[];
  items: ItemReport[];
}

/** Each learner's earliest attempt, or every attempt, in submission order. */
export function selectAttempts<A extends ReportAttempt>(attempts: readonly A[], scope: AttemptScope): A[] {
  const sorted = [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id));
  if (scope === 'all') return sorted;
  const seen = new Set<string>();
  return sorted.filter((a) => !seen.has(a.userId) && seen.add(a.userId));
}

function optionLabels(data: PublicQuestionData): string[] | null {
  if (data.type === 'single_choice' || data.type === 'multiple_choice') return data.options;
  if (data.type === 'true_false') return ['True', 'False'];
  return null;
}

function keyIndices(key: AnswerKey): number[] {
  if (key.type === 'single_choice') return [key.answer];
  if (key.type === 'multiple_choice') return key.answer;
  if (key.type === 'true_false') return [key.answer ? 0 : 1];
  return [];
}

function chosenIndices(response: Response | null): number[] {
  if (!response) return [];
  if (response.type === 'single_choice') return [response.choice];
  if (response.type === 'multiple_choice') return response.choices;
  if (response.type === 'true_false') return [response.value ? 0 : 1];
  return [];
}

const sameLabels = (a: readonly string[] | null, b: readonly string[] | null) =>
  a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]);

export function buildQuizReport(input: {
  questions: readonly ReportQuestion[];
  attempts: readonly ReportAttempt[];
  answers: readonly ReportAnswer[];
  scope: AttemptScope;
}): QuizReport {
  const chosen = selectAttempts(input.attempts, input.scope);
  // Items in the order their first version is listed; every version points at its item.
  const itemIndex = new Map<string, number>();
  const itemOf = new Map<string, number>();
  const versions: ReportQuestion[][] = [];
  for (const q of input.questions) {
    const key = q.itemId ?? q.id;
    if (!itemIndex.has(key)) {
      itemIndex.set(key, versions.length);
      versions.push([]);
    }
    itemOf.set(q.id, itemIndex.get(key)!);
    versions[itemIndex.get(key)!]!.push(q);
  }
  const k = versions.length;
  const chosenIndex = new Map(chosen.map((a, i) => [a.id, i]));
  // marks[attempt][item]: null where the attempt did not have the item (no version of it).
  const marks: (number | null)[][] = chosen.map(() => Array.from({ length: k }, () => null));
  const picked: (ReportAnswer | null)[][] = chosen.map(() => Array.from({ length: k }, () => null));
  for (const a of input.answers) {
    const row = chosenIndex.get(a.attemptId);
    const item = itemOf.get(a.questionId);
    if (row === undefined || item === undefined) continue;
    marks[row]![item] = Math.min(1, Math.max(0, a.mark ?? (a.correct ? 1 : 0)));
    picked[row]![item] = a;
  }
  const had = marks.map((row) => row.filter((m): m is number => m !== null));
  const scored = had.map((row, i) => ({ row: i, total: row.reduce((s, m) => s + m, 0), count: row.length }));
  // Per attempt: the share of the items it had. An attempt with none of them (all retired) says nothing.
  const shares = scored.filter((s) => s.count > 0).map((s) => s.total / s.count);

  const items = versions.map((_, q) => {
    const col: number[] = [];
    const rest: number[] = [];
    for (const s of scored) {
      const m = marks[s.row]![q];
      if (m === null || m === undefined) continue;
      col.push(m);
      // The rest of that attempt, as a share of its other items, so attempts of different lengths compare.
      rest.push(s.count > 1 ? (s.total - m) / (s.count - 1) : 0);
    }
    return { stats: itemStatistics(col, rest, k), answered: col.length };
  });

  const complete = versions
    .map((_, q) => marks.every((row) => row[q] !== null))
    .map((full, q) => (full ? q : -1))
    .filter((q) => q >= 0);
  const alpha = shares.length > 1 ? cronbachAlpha(complete.map((q) => marks.map((row) => row[q]!))) : null;
  const errorRatio = errorRatioOf(alpha);
  const testSd = sd(shares);
  const test: TestStats = {
    attempts: chosen.length,
    mean: mean(shares),
    median: median(shares),
    sd: testSd,
    alpha,
    errorRatio,
    standardError: errorRatio !== null && testSd !== null ? errorRatio * testSd : null,
  };
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const share of shares) distribution[Math.min(9, Math.floor(share * 10 + 1e-9))]! += 1;
  const flagsShown = chosen.length >= MIN_ATTEMPTS_FOR_FLAGS;

  return {
    scope: input.scope,
    test,
    flagsShown,
    alphaItems: alpha === null ? 0 : complete.length,
    distribution,
    items: versions.map((vs, i) => {
      const lead = vs[0]!;
      const labels = optionLabels(lead.data);
      const keys = keyIndices(lead.answerKey);
      // Options are counted over the versions that offer the same options as the one shown.
      const countable = new Set(vs.filter((v) => sameLabels(optionLabels(v.data), labels)).map((v) => v.id));
      const counts = labels ? labels.map(() => 0) : null;
      let blank = 0;
      for (let row = 0; row < chosen.length; row++) {
        const answer = picked[row]![i];
        if (!answer) continue;
        if (!answer.response) blank += 1;
        if (counts && countable.has(answer.questionId))
          for (const c of chosenIndices(answer.response)) if (c < counts.length) counts[c]! += 1;
      }
      const { stats, answered } = items[i]!;
      return {
        questionId: lead.id,
        versionIds: vs.map((v) => v.id),
        answered,
        stats,
        flags: flagsShown && answered >= MIN_ATTEMPTS_FOR_FLAGS ? flagItem(stats, counts ?? undefined, keys) : [],
        options: labels && counts ? labels.map((label, j) => ({ label, count: counts[j]!, isKey: keys.includes(j) })) : null,
        blank,
      };
    }),
  };
}
