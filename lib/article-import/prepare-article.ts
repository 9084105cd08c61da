import { parseCaseStudy } from '@/lib/case-study/parse';
import type { CaseStudy } from '@/lib/case-study/types';
import { GENERATOR_VERSION, generateQuizzes, type GeneratedQuiz } from '@/lib/quizgen/generate';
import { fingerprint } from '@/lib/quizgen/random';

/** An article parsed and given its quizzes: the expensive half of an import, done once. */
export interface PreparedArticle {
  caseStudy: CaseStudy;
  quiz: GeneratedQuiz;
  /** Lets a re-import of an unchanged text (by the same generator) be a no-op. */
  contentHash: string;
  questionCount: number;
}

export type PrepareResult = { ok: true; article: PreparedArticle } | { ok: false; error: 'unreadable'; message: string };

/**
 * Parses an article and writes its quizzes. Pure: the CLI, the seed and an instructor's import all
 * start here, then store the result through lib/dal.
 */
export function prepareArticle(text: string): PrepareResult {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) return { ok: false, error: 'unreadable', message: parsed.error };
  const quiz = generateQuizzes(parsed.caseStudy);
  return {
    ok: true,
    article: {
      caseStudy: parsed.caseStudy,
      quiz,
      contentHash: fingerprint(`generator ${GENERATOR_VERSION}\n${text}`),
      questionCount: quiz.lessons.reduce((n, l) => n + l.questions.length, 0),
    },
  };
}
