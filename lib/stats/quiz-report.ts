import type { AnswerKey, PublicQuestionData, Response } from '@/lib/quizgen/types';
import { analyseItems, flagItem, type ItemFlag, type ItemStats, type TestStats } from './item-analysis';

/**
 * Turns stored attempts into the item-analysis report: picks the attempts (each learner's first,
 * or all), builds the mark matrix, counts how often each option was chosen. Pure.
 */

export type AttemptScope = 'first' | 'all';

export interface ReportQuestion {
  id: string;
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
}

interface OptionCount {
  label: string;
  count: number;
  isKey: boolean;
}

interface ItemReport {
  questionId: string;
  stats: ItemStats;
  flags: ItemFlag[];
  /** Choice and true/false questions: how often each option was picked. */
  options: OptionCount[] | null;
  /** Attempts that left the question blank. */
  blank: number;
}

interface QuizReport {
  scope: AttemptScope;
  test: TestStats;
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

export function buildQuizReport(input: {
  questions: readonly ReportQuestion[];
  attempts: readonly ReportAttempt[];
  answers: readonly ReportAnswer[];
  scope: AttemptScope;
}): QuizReport {
  const chosen = selectAttempts(input.attempts, input.scope);
  const byAttempt = new Map<string, Map<string, ReportAnswer>>();
  for (const a of input.answers) {
    const sheet = byAttempt.get(a.attemptId) ?? new Map<string, ReportAnswer>();
    sheet.set(a.questionId, a);
    byAttempt.set(a.attemptId, sheet);
  }
  // A question missing from a sheet was not in the quiz when it was taken: it adds nothing to that
  // attempt's total, and (as in Moodle) its own statistics use only the attempts that had it.
  const present = chosen.map((attempt) => input.questions.map((q) => byAttempt.get(attempt.id)?.has(q.id) ?? false));
  const marks: number[][] = chosen.map((attempt) => input.questions.map((q) => (byAttempt.get(attempt.id)?.get(q.id)?.correct ? 1 : 0)));
  const { test, items: full } = analyseItems(marks, input.questions.length);
  const items = full.map((stats, q) => {
    if (present.every((row) => row[q])) return stats;
    const rows = marks.filter((_, i) => present[i]![q]);
    return analyseItems(rows, input.questions.length).items[q]!;
  });
  const k = input.questions.length;
  const distribution = Array.from({ length: 10 }, () => 0);
  if (k) for (const row of marks) distribution[Math.min(9, Math.floor((row.reduce((s, m) => s + m, 0) / k) * 10))]! += 1;

  return {
    scope: input.scope,
    test,
    distribution,
    items: input.questions.map((q, i) => {
      const labels = optionLabels(q.data);
      const keys = keyIndices(q.answerKey);
      const counts = labels ? labels.map(() => 0) : null;
      let blank = 0;
      for (const attempt of chosen) {
        const answer = byAttempt.get(attempt.id)?.get(q.id);
        if (!answer?.response) blank += answer ? 1 : 0;
        if (counts) for (const c of chosenIndices(answer?.response ?? null)) if (c < counts.length) counts[c]! += 1;
      }
      const stats = items[i]!;
      return {
        questionId: q.id,
        stats,
        flags: present.some((row) => row[i]) ? flagItem(stats, counts ?? undefined, keys) : [],
        options: labels && counts ? labels.map((label, j) => ({ label, count: counts[j]!, isKey: keys.includes(j) })) : null,
        blank,
      };
    }),
  };
}
