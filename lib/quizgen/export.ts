import type { CaseStudy } from '@/lib/case-study/types';
import type { GeneratedQuiz } from './generate';

/** The document `npm run import -- --json` prints: the case study as lessons with their questions. */
export function toImportJson(cs: CaseStudy, quiz: GeneratedQuiz) {
  return {
    title: cs.title,
    takeaways: cs.takeaways,
    lessons: cs.sections.map((s, i) => ({ title: s.title, keyPoints: s.keyPoints, questions: quiz.lessons[i]?.questions ?? [] })),
    rejected: quiz.rejected,
  };
}

interface QuizReport {
  lessons: number;
  kept: Record<string, number>;
  rejected: Record<string, number>;
  /** How often the key sits at each option position (single choice). */
  keyPositions: number[];
  /** Share of single-choice questions whose key is strictly the longest option. */
  keyLongestShare: number;
  byFamily: Record<string, number>;
  byLevel: Record<string, number>;
  /** Share of questions at "understand" or above. */
  understandingShare: number;
}

export function reportQuiz(quiz: GeneratedQuiz): QuizReport {
  const kept: Record<string, number> = {};
  const rejected: Record<string, number> = {};
  const keyPositions: number[] = [];
  let single = 0;
  let longest = 0;
  const byFamily: Record<string, number> = {};
  const byLevel: Record<string, number> = {};
  const all = quiz.lessons.flatMap((l) => l.questions);
  for (const q of all) {
    byFamily[q.family ?? 'authored'] = (byFamily[q.family ?? 'authored'] ?? 0) + 1;
    byLevel[q.level ?? 'unknown'] = (byLevel[q.level ?? 'unknown'] ?? 0) + 1;
  }
  for (const q of all) {
    kept[q.type] = (kept[q.type] ?? 0) + 1;
    if (q.type !== 'single_choice') continue;
    single += 1;
    keyPositions[q.answer] = (keyPositions[q.answer] ?? 0) + 1;
    const others = q.options.filter((_, i) => i !== q.answer).map((o) => o.length);
    if (q.options[q.answer]!.length > Math.max(...others)) longest += 1;
  }
  for (const r of quiz.rejected) rejected[r.reason] = (rejected[r.reason] ?? 0) + 1;
  return {
    lessons: quiz.lessons.length,
    kept,
    rejected,
    keyPositions: Array.from(keyPositions, (n) => n ?? 0),
    keyLongestShare: single ? longest / single : 0,
    byFamily,
    byLevel,
    understandingShare: all.length ? all.filter((q) => q.level && q.level !== 'remember').length / all.length : 0,
  };
}
