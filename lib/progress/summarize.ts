export interface AttemptSummary {
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

export const percentOf = (score: number, maxScore: number) => (maxScore > 0 ? Math.round((score / maxScore) * 100) : 0);

/** Per-lesson progress from a learner's attempts. A lesson is done once its quiz is submitted. */
export function summarizeLessons(lessonIds: string[], attempts: AttemptSummary[]): Map<string, LessonProgress> {
  const out = new Map<string, LessonProgress>(
    lessonIds.map((id) => [id, { attempts: 0, best: null, lastAttemptAt: null, done: false }]),
  );
  for (const a of attempts) {
    const p = out.get(a.lessonId);
    if (!p) continue;
    p.attempts += 1;
    p.done = true;
    if (!p.lastAttemptAt || a.submittedAt > p.lastAttemptAt) p.lastAttemptAt = a.submittedAt;
    const percent = percentOf(a.score, a.maxScore);
    const ratio = a.maxScore > 0 ? a.score / a.maxScore : 0;
    const bestRatio = p.best && p.best.maxScore > 0 ? p.best.score / p.best.maxScore : -1;
    if (ratio > bestRatio) p.best = { score: a.score, maxScore: a.maxScore, percent };
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
