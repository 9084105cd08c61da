import type { CaseStudy, ContentBlock, Fact, Section } from '@/lib/case-study/types';
import { sentencesOf } from '@/lib/case-study/parse';
import type { ArticleIndex } from './article-index';
import { fitsBlank } from './language';
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
    // "about 9 million", "roughly 40%": the article rounds, so answers within 5% of it count.
    const before = fact.sentence.slice(0, fact.sentence.indexOf(fact.text));
    const rounded = /\b(?:about|around|roughly|approximately|nearly|almost|some|over|more than|close to)\s+$/i.test(before);
    const tolerance = rounded ? Math.round(value * 0.05 * 100) / 100 : 0;
    const unit = stemmed.replace(BLANK, '').replace(/[$€£¥]/, '').trim() || undefined;
    return [
      {
        type: 'numeric',
        prompt: `What number goes in the blank? “${fact.sentence.replace(fact.text, stemmed)}”`,
        answer: { value, tolerance },
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
      const type = ctx.index.typeOf.get(fact.text);
      const blanked = quoteWithBlank(fact.sentence, fact.text);
      // Distractors are the same kind of thing as the key (people for a person, places for a place).
      const distractors = !type ? [] : sample(
        ctx.rng,
        names,
        12,
        (n) =>
          ctx.index.typeOf.get(n) === type &&
          fitsBlank(blanked, n) &&
          !fact.sentence.includes(n) &&
          !n.includes(fact.text) &&
          !fact.text.includes(n) &&
          n.slice(0, 4).toLowerCase() !== fact.text.slice(0, 4).toLowerCase(),
      )
        .sort((a, b) => wordDistance(a, fact.text) - wordDistance(b, fact.text))
        .slice(0, 3);
      const noun = type === 'person' ? 'person' : type === 'place' ? 'place' : 'name';
      const prompt = `Which ${noun} completes this sentence from the article? ${blanked}`;
      const explanation = `${says(fact.sentence)} The name is ${fact.text}.`;
      if (i % 2 === 1 || distractors.length < 2) {
        return [
          {
            type: 'fill_blank',
            prompt: `Fill in the blank with the name the article gives: ${blanked}`,
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
 * A sentence with a fact, stated as written or with the fact swapped for another of the same kind
 * from the article: a year for a year, an amount for an amount, a person for a person, a company
 * for a company. Names the parser could not type are never swapped.
 */
export function trueFalseQuestions(ctx: Context): Question[] {
  const facts = ['year', 'money', 'percent', 'entity'].flatMap((k) => sectionFacts(ctx, k as Fact['kind']));
  const bySentence = new Map<string, Fact>();
  for (const f of facts) if (f.text !== ctx.subject && !bySentence.has(f.sentence) && isFactual(f.sentence)) bySentence.set(f.sentence, f);
  return [...bySentence.values()].flatMap((fact): Question[] => {
    const type = ctx.index.typeOf.get(fact.text);
    const pool = fact.kind === 'entity' ? (type ? ctx.index.names.filter((n) => ctx.index.typeOf.get(n) === type) : []) : (ctx.index.textsByKind.get(fact.kind) ?? []);
    const swap = sample(ctx.rng, pool, 1, (t) => t !== fact.text && !fact.sentence.includes(t) && !t.includes(fact.text) && !fact.text.includes(t))[0];
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
        prompt: ctx.section.review
          ? 'Which of these are key takeaways of the article? Select all that apply.'
          : `Which of these items appear in ${where}? Select all that apply.`,
        options,
        answer,
        explanation: `The list reads: ${items.map((i) => `“${i}”`).join(' ')}`,
        source: keys.join(' '),
      },
    ];
  });
}

const SEQUENCE_INTRO = /\b(?:steps?|stages?|phases?|timeline|sequence|chronolog\w*|in (?:this|that|the following) order|one after another)\b/i;

/**
 * Dated events of the section (for the review lesson: of the whole article) → put them in the order
 * they happened; and numbered lists introduced as steps or stages → put the steps in order.
 */
export function orderingQuestions(ctx: Context): Question[] {
  const events = ctx.section.review ? ctx.caseStudy.events : ctx.caseStudy.events.filter((e) => e.section === ctx.sectionIndex);
  const byYear = new Map<number, (typeof events)[number]>();
  for (const e of events) if (!byYear.has(e.year)) byYear.set(e.year, e);
  const out: Question[] = [];
  if (byYear.size >= 3) {
    const picked = ctx.rng.shuffle([...byYear.values()]).slice(0, 4).sort((a, b) => a.year - b.year);
    out.push({
      type: 'ordering',
      prompt: 'Put these events from the article in the order they happened, earliest first.',
      items: picked.map((e) => e.event),
      explanation: `The article dates them: ${picked.map((e) => `${e.year}: “${e.sentence}”`).join(' ')}`,
      source: picked.map((e) => e.sentence).join(' '),
    });
  }
  for (const { items, intro, ordered } of listsWithIntro(ctx.section.blocks)) {
    if (!ordered || !intro || !SEQUENCE_INTRO.test(intro) || items.length < 3 || items.length > 6) continue;
    out.push({
      type: 'ordering',
      prompt: `Put these in the order the article gives them, after “${intro}”`,
      items,
      explanation: `The article lists them in this order: ${items.map((x, i) => `${i + 1}. ${x}`).join(' ')}`,
      source: items.join(' '),
    });
  }
  return out;
}

const TERM_ITEM = /^([^:.!?]{2,60}?):\s+(\S.{5,200})$/;

/**
 * Things to what the article says about them: a list of "Term: description" items, or a table's
 * first column to another column whose cells are all different.
 */
export function matchingQuestions(ctx: Context): Question[] {
  const out: Question[] = [];
  for (const { items } of listsWithIntro(ctx.section.blocks)) {
    const pairs = items.map((item) => TERM_ITEM.exec(item)).filter((m): m is RegExpExecArray => m !== null).map((m): [string, string] => [m[1]!.trim(), m[2]!.trim()]);
    if (pairs.length < 3 || pairs.length !== items.length) continue;
    const shown = ctx.rng.shuffle(pairs).slice(0, 5);
    out.push({
      type: 'matching',
      prompt: 'Match each item from the lesson to what the article says about it.',
      pairs: shown,
      explanation: `The article pairs them: ${shown.map(([a, b]) => `${a}: ${b}`).join(' ')}`,
      source: shown.map(([a, b]) => `${a}: ${b}`).join(' '),
    });
  }
  for (const block of ctx.section.blocks) {
    if (block.kind !== 'table' || block.rows.length < 3 || block.header.length < 2) continue;
    const distinct = (col: number) => new Set(block.rows.map((r) => r[col]!.toLowerCase())).size === block.rows.length && block.rows.every((r) => r[col]);
    if (!distinct(0)) continue;
    const col = block.header.findIndex((_, c) => c > 0 && distinct(c));
    if (col < 0) continue;
    const rows = ctx.rng.shuffle(block.rows).slice(0, 5);
    const pairs = rows.map((r): [string, string] => [r[0]!, r[col]!]);
    out.push({
      type: 'matching',
      prompt: `In the lesson’s table, match each “${block.header[0] || 'row'}” with its “${block.header[col]}”.`,
      pairs,
      explanation: `The table gives: ${pairs.map(([a, b]) => `${a}: ${b}`).join('; ')}.`,
      // The rows as written in the article (cells joined as in a Markdown table).
      source: rows.map((r) => r.join(' | ')).join(' '),
    });
  }
  return out;
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
    return [{ items: b.items, intro, ordered: b.ordered }];
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
