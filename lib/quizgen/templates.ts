import type { CaseStudy, ContentBlock, Fact, Section } from '@/lib/case-study/types';
import { sentencesOf } from '@/lib/case-study/parse';
import type { ArticleIndex } from './article-index';
import type { Rng } from './random';
import type { Question } from './types';

/** What every template sees: the whole article (for distractors) and the section it writes for. */
export interface Context {
  caseStudy: CaseStudy;
  section: Section;
  sectionIndex: number;
  rng: Rng;
  /** The article's main subject (its most frequent name); never a key, never a distractor. */
  subject: string | null;
  index: ArticleIndex;
}

const BLANK = '____';
const quoteWithBlank = (sentence: string, text: string) => `“${sentence.replace(text, BLANK)}”`;
const says = (sentence: string) => `The article says: “${sentence}”`;
const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;

function sectionFacts(ctx: Context, kind: Fact['kind']): Fact[] {
  return (ctx.index.factsBySection.get(ctx.sectionIndex) ?? []).filter(
    (f) => f.kind === kind && occurrences(f.sentence, f.text) === 1,
  );
}

/** Year in a sentence → which year completes it (single choice, options in numeric order). */
export function yearQuestions(ctx: Context): Question[] {
  const years = ctx.index.years;
  return sectionFacts(ctx, 'year').map((fact) => {
    const key = Number(fact.text);
    const others = years.filter((y) => y !== key && !fact.sentence.includes(String(y)));
    const nearby = [key - 2, key - 1, key + 1, key + 2].filter((y) => !others.includes(y));
    const distractors = ctx.rng.shuffle(others).slice(0, 3).concat(nearby).slice(0, 3);
    const options = [key, ...distractors].sort((a, b) => a - b).map(String);
    return {
      type: 'single_choice',
      prompt: `Which year completes this sentence from the article? ${quoteWithBlank(fact.sentence, fact.text)}`,
      options,
      answer: options.indexOf(String(key)),
      explanation: `${says(fact.sentence)} The year is ${key}.`,
      source: fact.sentence,
    };
  });
}

/** A money amount, percentage or count → the number itself (numeric, article's own units). */
export function numberQuestions(ctx: Context): Question[] {
  const facts = [...sectionFacts(ctx, 'money'), ...sectionFacts(ctx, 'percent'), ...sectionFacts(ctx, 'count')];
  return facts.flatMap((fact): Question[] => {
    const digits = /\d[\d,]*(?:\.\d+)?/.exec(fact.text);
    if (!digits) return [];
    const value = Number(digits[0].replace(/,/g, ''));
    if (!Number.isFinite(value)) return [];
    const stemmed = fact.text.replace(digits[0], BLANK);
    const unit = stemmed.replace(BLANK, '').replace(/[$€£¥]/, '').trim() || undefined;
    return [
      {
        type: 'numeric',
        prompt: `What number goes in the blank? “${fact.sentence.replace(fact.text, stemmed)}”`,
        answer: { value, tolerance: 0 },
        ...(unit ? { unit } : {}),
        explanation: `${says(fact.sentence)} The number is ${digits[0]}.`,
        source: fact.sentence,
      },
    ];
  });
}

/** A name in a sentence → which name completes it; alternates single choice and fill-in. */
export function nameQuestions(ctx: Context): Question[] {
  const names = ctx.index.names;
  return sectionFacts(ctx, 'entity')
    .filter((f) => f.text !== ctx.subject && f.text.length > 2)
    .flatMap((fact, i): Question[] => {
      const distractors = sample(
        ctx.rng,
        names,
        12,
        (n) =>
          !fact.sentence.includes(n) &&
          !n.includes(fact.text) &&
          !fact.text.includes(n) &&
          n.slice(0, 4).toLowerCase() !== fact.text.slice(0, 4).toLowerCase(),
      )
        .sort((a, b) => wordDistance(a, fact.text) - wordDistance(b, fact.text))
        .slice(0, 3);
      const prompt = `Which name completes this sentence from the article? ${quoteWithBlank(fact.sentence, fact.text)}`;
      const explanation = `${says(fact.sentence)} The name is ${fact.text}.`;
      if (i % 2 === 1 || distractors.length < 2) {
        return [
          {
            type: 'fill_blank',
            prompt: `Fill in the blank with the name the article gives: ${quoteWithBlank(fact.sentence, fact.text)}`,
            answer: [fact.text],
            explanation,
            source: fact.sentence,
          },
        ];
      }
      const options = ctx.rng.shuffle([fact.text, ...distractors]);
      return [{ type: 'single_choice', prompt, options, answer: options.indexOf(fact.text), explanation, source: fact.sentence }];
    });
}

/**
 * A sentence with a number, stated as written or with the number swapped for another of the same
 * kind from the article (names are not swapped: a wrong name often makes a nonsense sentence).
 */
export function trueFalseQuestions(ctx: Context): Question[] {
  const facts = ['year', 'money', 'percent', 'entity'].flatMap((k) => sectionFacts(ctx, k as Fact['kind']));
  const bySentence = new Map<string, Fact>();
  for (const f of facts) if (f.text !== ctx.subject && !bySentence.has(f.sentence) && isFactual(f.sentence)) bySentence.set(f.sentence, f);
  return [...bySentence.values()].flatMap((fact): Question[] => {
    const swap =
      fact.kind === 'entity'
        ? undefined
        : sample(ctx.rng, ctx.index.textsByKind.get(fact.kind) ?? [], 1, (t) => t !== fact.text && !fact.sentence.includes(t))[0];
    const makeFalse = swap !== undefined && ctx.rng.next() < 0.5;
    const statement = makeFalse ? fact.sentence.replace(fact.text, swap) : fact.sentence;
    return [
      {
        type: 'true_false',
        prompt: `True or false? According to the article: “${statement}”`,
        answer: !makeFalse,
        explanation: makeFalse
          ? `False. The article says ${fact.text}, not ${swap}: “${fact.sentence}”`
          : `True. ${says(fact.sentence)}`,
        source: fact.sentence,
      },
    ];
  });
}

/** A list in the section → which items it holds (multiple select, distractors from other lists). */
export function listQuestions(ctx: Context): Question[] {
  return listsWithIntro(ctx.section.blocks).flatMap(({ items, intro }): Question[] => {
    const keys = ctx.rng.shuffle(items).slice(0, Math.min(3, items.length));
    const distractors = sample(ctx.rng, ctx.index.listItems, 5 - keys.length, (x) => x.section !== ctx.sectionIndex && !items.includes(x.item)).map(
      (x) => x.item,
    );
    if (keys.length < 2 || distractors.length < 2 || new Set(distractors).size !== distractors.length) return [];
    const options = ctx.rng.shuffle([...keys, ...distractors]);
    const answer = keys.map((k) => options.indexOf(k)).sort((a, b) => a - b);
    const where = intro ? `the list that follows “${intro}”` : `the list in “${ctx.section.title}”`;
    return [
      {
        type: 'multiple_choice',
        prompt: `Which of these items appear in ${where}? Select all that apply.`,
        options,
        answer,
        explanation: `The list reads: ${items.map((i) => `“${i}”`).join(' ')}`,
        source: keys.join(' '),
      },
    ];
  });
}

const STOP = new Set(
  'about above after again against because before being below between could during every further having other should their there these those through under until which while would something everything'.split(' '),
);

// Abstract nouns make the most defensible blanks ("transparency", "localization").
const NOUN_ENDING = /(?:tion|sion|ity|ment|ness|ance|ence|ship|ism|ogy)$/;

/** A distinctive word of a key point → fill it in (accepts any letter case). */
export function keyTermQuestions(ctx: Context): Question[] {
  const sources = unique([...ctx.section.keyPoints, ...sentencesOf(ctx.section.blocks)]).filter(
    (s) => !s.endsWith('?') && !s.endsWith(':') && s.split(' ').length >= 6 && isFactual(s),
  );
  return sources.flatMap((sentence): Question[] => {
    const words = [...sentence.matchAll(/(?<![\p{L}’'-])\p{Ll}[\p{Ll}]{6,}(?![\p{L}’'-])/gu)].map((m) => m[0]);
    const score = (w: string) => (NOUN_ENDING.test(w) ? 100 : 0) + w.length;
    const term = words
      .filter((w) => !STOP.has(w) && occurrences(sentence, w) === 1 && (ctx.index.wordCounts.get(w) ?? 0) <= 2)
      .sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
    if (!term) return [];
    return [
      {
        type: 'fill_blank',
        prompt: `Fill in the missing word of this point from the lesson: ${quoteWithBlank(sentence, term)}`,
        answer: [term],
        explanation: `${says(sentence)} The missing word is “${term}”.`,
        source: sentence,
      },
    ];
  });
}

// Asides addressed to the reader and metaphors ("It’s like climbing a mountain") are not facts
// about the case, so they make poor questions.
const ASIDE = /\b(?:I|I’m|I mean|imagine|picture this|think of|humor me|humorously|if you ask me)\b|^It’s like\b(?![^—]*—)/;
function isFactual(sentence: string): boolean {
  return !ASIDE.test(sentence);
}

function listsWithIntro(blocks: ContentBlock[]) {
  return blocks.flatMap((b, i) => {
    if (b.kind !== 'list') return [];
    const before = blocks[i - 1];
    const intro = before?.kind === 'paragraph' && before.text.trim().endsWith(':') ? sentencesOf([before]).at(-1) : undefined;
    return [{ items: b.items, intro }];
  });
}

/**
 * Up to n distinct items that pass the test, drawn at random. Bounded work whatever the pool's size:
 * small pools are shuffled whole, large ones are probed at random positions.
 */
function sample<T>(rng: Rng, pool: readonly T[], n: number, keep: (x: T) => boolean): T[] {
  if (pool.length <= 64) return rng.shuffle(pool).filter(keep).slice(0, n);
  const picked = new Set<T>();
  for (let tries = 0; picked.size < n && tries < n * 20; tries++) {
    const x = pool[rng.int(pool.length)]!;
    if (keep(x)) picked.add(x);
  }
  return [...picked];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function wordDistance(a: string, b: string): number {
  return Math.abs(a.split(' ').length - b.split(' ').length);
}
