import { parseCaseStudy } from '@/lib/case-study/parse';
import { analyseArticle } from '@/lib/quizgen/analysis';
import { indexArticle } from '@/lib/quizgen/article-index';
import type { Candidate, FamilyContext } from '@/lib/quizgen/candidate';
import { mainSubject } from '@/lib/quizgen/generate';
import type { Question } from '@/lib/quizgen/types';

type Choice = Extract<Question, { type: 'single_choice' }>;

/** What a question family reads for each lesson of an article, as generateQuizzes builds it. */
export function familyContexts(text: string): FamilyContext[] {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const caseStudy = parsed.caseStudy;
  const subject = mainSubject(caseStudy);
  const analysis = analyseArticle(caseStudy);
  const index = indexArticle(caseStudy, subject);
  return caseStudy.sections.map((section, sectionIndex) => ({ caseStudy, section, sectionIndex, analysis, index, subject }));
}

/**
 * Every single-choice question one family writes for an article, before a quiz chooses among them
 * (the chooser may prefer another family on the same sentences), highest score first.
 */
export function singleChoiceCandidates(family: (ctx: FamilyContext) => Candidate[], text: string, lessons?: number[]): Choice[] {
  return familyContexts(text)
    .filter((ctx) => !lessons || lessons.includes(ctx.sectionIndex))
    .flatMap(family)
    .sort((a, b) => b.score - a.score)
    .map((c) => c.question as Question)
    .filter((q): q is Choice => q.type === 'single_choice');
}

/** A test that generates every article of the repository's corpus, which grows with each review: minutes, not the default 30 s. */
export const CORPUS_TIMEOUT = 180_000;
