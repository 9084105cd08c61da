import { PASS_MARK, percentOf, scoreFraction } from './score';

interface AttemptSummary {
  lessonId: string;
  score: number;
  maxScore: number;
  submittedAt: Date;
}

export interface LessonProgress {
  attempts: number;
  /** Best attempt by percentage, then by most recent. Null before the first attempt. */
  best: { score: number; maxScore: number; percent: number } | null;
  lastAttemptAt: Date | null;
  /** Passed: the best attempt reached the pass mark (60%). Attempted is not done. */
  done: boolean;
  /** Percent of each attempt, oldest first (the last few): the trend across attempts. */
  trend: number[];
}

/** How many attempts the trend shows. */
const TREND_LENGTH = 5;

/** Per-lesson progress from a learner's attempts. A lesson is done once an attempt reaches the pass mark. */
export function summarizeLessons(lessonIds: string[], attempts: AttemptSummary[]): Map<string, LessonProgress> {
  const out = new Map<string, LessonProgress>(
    lessonIds.map((id) => [id, { attempts: 0, best: null, lastAttemptAt: null, done: false, trend: [] }]),
  );
  const inOrder = [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  for (const a of inOrder) {
    const p = out.get(a.lessonId);
    if (!p) continue;
    p.attempts += 1;
    if (!p.lastAttemptAt || a.submittedAt > p.lastAttemptAt) p.lastAttemptAt = a.submittedAt;
    const percent = percentOf(a.score, a.maxScore);
    p.trend = [...p.trend, percent].slice(-TREND_LENGTH);
    if (!p.best || scoreFraction(a.score, a.maxScore) >= scoreFraction(p.best.score, p.best.maxScore))
      p.best = { score: a.score, maxScore: a.maxScore, percent };
    if (scoreFraction(a.score, a.maxScore) >= PASS_MARK - 1e-9) p.done = true;
  }
  return out;
}

/** Share of lessons done (passed), as a whole percentage. */
export function completion(progress: Iterable<LessonProgress>): { done: number; total: number; percent: number } {
  let done = 0;
  let total = 0;
  for (const p of progress) {
    total += 1;
    if (p.done) done += 1;
  }
  return { done, total, percent: percentOf(done, total) };
}
