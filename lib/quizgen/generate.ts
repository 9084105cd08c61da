import type { CaseStudy } from '@/lib/case-study/types';
import { indexArticle } from './article-index';
import { findFlaw } from './flaws';
import { createRng, hash32 } from './random';
import {
  keyTermQuestions,
  listQuestions,
  nameQuestions,
  numberQuestions,
  trueFalseQuestions,
  yearQuestions,
  type Context,
} from './templates';
import type { Question } from './types';

/** Bump when the generator's output changes, so stored quizzes are regenerated on the next seed. */
export const GENERATOR_VERSION = 1;
export const MAX_QUESTIONS_PER_LESSON = 8;
/** No kind may crowd out the others. */
const MAX_PER_KIND = 4;

export interface Rejected {
  prompt: string;
  reason: string;
}

export interface GeneratedQuiz {
  lessons: { title: string; slug: string; questions: Question[] }[];
  rejected: Rejected[];
}

const TEMPLATES = [yearQuestions, numberQuestions, nameQuestions, trueFalseQuestions, listQuestions, keyTermQuestions];

/**
 * Writes a quiz for every lesson: over-generates with every template, rejects candidates with an
 * item-writing flaw, then keeps up to MAX_QUESTIONS_PER_LESSON, taking kinds in turn so each quiz
 * mixes them. Deterministic: the random source is seeded from the article itself.
 */
export function generateQuizzes(caseStudy: CaseStudy): GeneratedQuiz {
  const rejected: Rejected[] = [];
  const subject = mainSubject(caseStudy);
  const index = indexArticle(caseStudy, subject);
  const lessons = caseStudy.sections.map((section, sectionIndex) => {
    const rng = createRng(hash32(`${caseStudy.title}\n${section.title}\n${JSON.stringify(section.blocks)}`));
    const ctx: Context = { caseStudy, section, sectionIndex, rng, subject, index };
    const seen = new Set<string>();
    const accepted: Question[] = [];
    for (const template of TEMPLATES) {
      for (const q of template(ctx)) {
        const reason = seen.has(q.prompt) ? 'duplicate question' : findFlaw(q);
        if (reason) rejected.push({ prompt: q.prompt, reason });
        else accepted.push(q);
        seen.add(q.prompt);
      }
    }
    return { title: section.title, slug: section.slug, questions: pickMixed(accepted, MAX_QUESTIONS_PER_LESSON) };
  });
  return { lessons, rejected };
}

/**
 * Round-robin over question kinds, keeping each kind's candidates in article order. One question
 * per source sentence: two questions on one sentence give each other's answers away.
 */
function pickMixed(questions: Question[], limit: number): Question[] {
  const byType = new Map<string, Question[]>();
  for (const q of questions) byType.set(q.type, [...(byType.get(q.type) ?? []), q]);
  const queues = [...byType.values()];
  const perKind = new Map<string, number>();
  const picked: Question[] = [];
  const shown: string[] = [];
  const cues = (q: Question) => shown.some((text) => text.includes(q.source) || q.source.includes(text));
  while (picked.length < limit && queues.some((q) => q.length)) {
    for (const queue of queues) {
      let next = queue.shift();
      while (next && cues(next)) next = queue.shift();
      if (next && picked.length < limit && (perKind.get(next.type) ?? 0) < MAX_PER_KIND) {
        perKind.set(next.type, (perKind.get(next.type) ?? 0) + 1);
        picked.push(next);
        shown.push(next.source, ...('options' in next ? next.options : []));
      }
    }
  }
  const order = new Map(questions.map((q, i) => [q, i]));
  return picked.sort((a, b) => order.get(a)! - order.get(b)!);
}

function mainSubject(caseStudy: CaseStudy): string | null {
  const counts = new Map<string, number>();
  for (const f of caseStudy.facts) if (f.kind === 'entity') counts.set(f.text, (counts.get(f.text) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 3 && (!best || n > counts.get(best)!)) best = name;
  return best;
}
