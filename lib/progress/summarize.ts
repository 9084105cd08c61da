import { percentOf, scoreFraction } from './score';

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
  done: boolean;
}

/** Per-lesson progress from a learner's attempts. A lesson is done once its quiz is submitted. */
export function summarizeLessons(lessonIds: string[], attempts: AttemptSummary[]): Map<string, LessonProgress> {
  const out = new Map<string, LessonProgress>(lessonIds.map((id) => [id, { attempts: 0, best: null, lastAttemptAt: null, done: false }]));
  for (const a of attempts) {
    const p = out.get(a.lessonId);
    if (!p) continue;
    p.attempts += 1;
    p.done = true;
    if (!p.lastAttemptAt || a.submittedAt > p.lastAttemptAt) p.lastAttemptAt = a.submittedAt;
    const percent = percentOf(a.score, a.maxScore);
    if (!p.best || scoreFraction(a.score, a.maxScore) > scoreFraction(p.best.score, p.best.maxScore))
      p.best = { score: a.score, maxScore: a.maxScore, percent };
  }
  return out;
}

/** Share of lessons done, as a whole percentage. */
export function completion(progress: Iterable<LessonProgress>): { done: number; total: number; percent: number } {
  let done = 0;
  let total = 0;
  for (const p of progress) {
    total += 1;
    if (p.done) done += 1;
  }
  return { done, total, percent: percentOf(done, total) };
}
