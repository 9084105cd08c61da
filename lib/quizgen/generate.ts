import type { CaseStudy } from '@/lib/case-study/types';
import { indexArticle } from './article-index';
import { findFlaw, hasMovableKey } from './flaws';
import { createRng, hash32, type Rng } from './random';
import {
  keyTermQuestions,
  listQuestions,
  matchingQuestions,
  nameQuestions,
  orderingQuestions,
  numberQuestions,
  trueFalseQuestions,
  yearQuestions,
  type Context,
} from './templates';
import type { Question } from './types';

/** Bump when the generator's output changes, so stored quizzes are regenerated on the next seed. */
export const GENERATOR_VERSION = 2;
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

const TEMPLATES = [
  orderingQuestions,
  matchingQuestions,
  yearQuestions,
  numberQuestions,
  nameQuestions,
  trueFalseQuestions,
  listQuestions,
  keyTermQuestions,
];

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
    const family = new Map<Question, string>();
    for (const [t, template] of TEMPLATES.entries()) {
      for (const q of template(ctx)) {
        family.set(q, `${t}:${q.type}`);
        const reason = seen.has(q.prompt) ? 'duplicate question' : findFlaw(q);
        if (reason) rejected.push({ prompt: q.prompt, reason });
        else accepted.push(q);
        seen.add(q.prompt);
      }
    }
    const questions = balanceKeyPositions(pickMixed(accepted, family, MAX_QUESTIONS_PER_LESSON, rejected), rng);
    return { title: section.title, slug: section.slug, questions };
  });
  return { lessons, rejected };
}

/**
 * Round-robin over families (a template and the kind it wrote), keeping each family's candidates
 * in article order, with at most MAX_PER_KIND of a kind. One question per source sentence: two
 * questions on one sentence give each other's answers away.
 */
function pickMixed(questions: Question[], family: Map<Question, string>, limit: number, rejected: Rejected[]): Question[] {
  const byFamily = new Map<string, Question[]>();
  for (const q of questions) byFamily.set(family.get(q)!, [...(byFamily.get(family.get(q)!) ?? []), q]);
  const queues = [...byFamily.values()];
  const perKind = new Map<string, number>();
  const picked: Question[] = [];
  const shown: string[] = [];
  const cues = (q: Question) => textsOf(q).some((t) => shown.some((u) => u.includes(t) || t.includes(u)));
  while (picked.length < limit && queues.some((q) => q.length)) {
    for (const queue of queues) {
      let next = queue.shift();
      while (next && cues(next)) {
        rejected.push({ prompt: next.prompt, reason: 'gives away or repeats another question of the quiz' });
        next = queue.shift();
      }
      if (next && picked.length < limit && (perKind.get(next.type) ?? 0) < MAX_PER_KIND) {
        perKind.set(next.type, (perKind.get(next.type) ?? 0) + 1);
        picked.push(next);
        shown.push(...textsOf(next));
      }
    }
  }
  const order = new Map(questions.map((q, i) => [q, i]));
  return picked.sort((a, b) => order.get(a)! - order.get(b)!);
}

/**
 * The article text a question rests on and the keys it reveals, long enough to give another
 * question away. Distractors are left out: showing a wrong option cues nothing.
 */
function textsOf(q: Question): string[] {
  const keys =
    q.type === 'ordering'
      ? q.items
      : q.type === 'matching'
        ? q.pairs.flat()
        : q.type === 'single_choice'
          ? [q.options[q.answer]!]
          : q.type === 'multiple_choice'
            ? q.answer.map((i) => q.options[i]!)
            : [];
  return [q.source, ...keys].filter((t) => t.length >= 12);
}

/**
 * Moves single-choice keys so their positions vary across the quiz: the keys take the positions
 * of a shuffled cycle (A, C, B, D, …), never all the same. Options in a natural order (years,
 * amounts) stay sorted.
 */
function balanceKeyPositions(questions: Question[], rng: Rng): Question[] {
  let slots: number[] = [];
  return questions.map((q) => {
    if (!hasMovableKey(q)) return q;
    if (!slots.length) slots = rng.shuffle([0, 1, 2, 3, 4]);
    const n = q.options.length;
    const target = slots.shift()! % n;
    const key = q.options[q.answer]!;
    const others = q.options.filter((_, i) => i !== q.answer);
    const options = [...others.slice(0, target), key, ...others.slice(target)];
    return { ...q, options, answer: target };
  });
}

function mainSubject(caseStudy: CaseStudy): string | null {
  const counts = new Map<string, number>();
  for (const f of caseStudy.facts) if (f.kind === 'entity') counts.set(f.text, (counts.get(f.text) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 3 && (!best || n > counts.get(best)!)) best = name;
  return best;
}
