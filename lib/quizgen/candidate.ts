import type { CaseStudy, Section } from '@/lib/case-study/types';
import type { ArticleAnalysis } from './analysis';
import type { ArticleIndex } from './article-index';
import { createRng, hash32, type Rng } from './random';
import { contentWords } from './sentence-features';
import type { BloomLevel, Question, QuestionFamily } from './types';

/** A question the generator could ask, with what the chooser needs to rank it. */
export interface Candidate {
  question: Question & { family: QuestionFamily; level: BloomLevel };
  /** Higher is better; 0–1. */
  score: number;
  /** The texts a learner would learn from the key, to keep two questions from giving each other away. */
  keys: string[];
  /** The article sentences the question rests on. */
  sources: string[];
  /**
   * What the question is about, when another question could ask it again from other sentences (a
   * measure: revenue between 2019 and 2021, and again between 2019 and 2023): a lesson asks each once.
   */
  topic?: string;
  /**
   * The years a figure question reads its topic at: a change between two of a path's years, in another
   * lesson, gives part of the path away (blind review v15, c23).
   */
  topicYears?: number[];
  /**
   * The measures a figure question reads, when every figure comes from a record that gives several
   * measures side by side (a table's row, a year-labelled list item): two questions on different
   * measures may share such a source, as two different facts of it.
   */
  record?: { measures: string[] };
}

/** What every family sees: the whole article (for distractors) and the lesson it writes for. */
export interface FamilyContext {
  caseStudy: CaseStudy;
  section: Section;
  sectionIndex: number;
  analysis: ArticleAnalysis;
  index: ArticleIndex;
  /** The article's main subject (its most frequent name); never a key, never a distractor. */
  subject: string | null;
}

/** A random stream of its own for each (family, source), so editing one paragraph moves nothing else. */
export function streamFor(family: QuestionFamily, source: string): Rng {
  return createRng(hash32(`${family}\n${normalizeSource(source)}`));
}

export function normalizeSource(source: string): string {
  return source.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const asStatement = (s: string) => {
  const t = s.trim();
  // 'not simply "robots or people."' already ends inside its quote: no second full stop (blind review v9).
  if (/[.!?][”"’']$/.test(t)) return capitalize(t);
  return capitalize(t.replace(/[.!;:,]+$/, '')) + '.';
};

/**
 * A word of the stem that only the key(s) repeat is a cue: the learner matches words instead of
 * reading. Returns the cueing word, or null.
 */
function repeatedStemWord(stem: string, keys: string[], distractors: string[]): string | null {
  const stemWords = contentWords(stem);
  const inDistractors = new Set(distractors.flatMap((d) => [...contentWords(d)]));
  for (const w of stemWords) {
    if (keys.every((k) => contentWords(k).has(w)) && !inDistractors.has(w)) return w;
  }
  return null;
}

/** Options within a similar length band, so the key's length gives nothing away. */
function lengthBalanced(key: string, others: string[]): boolean {
  const longest = Math.max(...others.map((o) => o.length));
  const shortest = Math.min(...others.map((o) => o.length));
  return key.length <= Math.max(1.5 * longest, longest + 15) && key.length >= Math.min(shortest / 1.8, shortest - 15);
}

/** Picks up to n items, most similar first by the given score, from a pool already filtered. */
export function closest<T>(pool: T[], n: number, similarity: (x: T) => number): T[] {
  return pool
    .map((x, i) => ({ x, s: similarity(x), i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, n)
    .map((e) => e.x);
}

const lowerCache = new WeakMap<object, Set<string>>();
/** Words the article writes in lower case somewhere: common words, not names. Once per article. */
export function lowerCaseWords(ctx: FamilyContext): Set<string> {
  let words = lowerCache.get(ctx.analysis);
  if (!words) {
    words = new Set(ctx.analysis.all.flatMap((s) => s.text.match(/(?<![\p{L}-])\p{Ll}[\p{L}-]*/gu) ?? []));
    lowerCache.set(ctx.analysis, words);
  }
  return words;
}

/** Sections this close to a lesson supply its distractors: bounded work per question, whatever the article's length. */
const NEIGHBOURHOOD = 8;
export function nearby<T extends { section: number }>(ctx: FamilyContext, items: T[]): T[] {
  if (ctx.section.review) return items.length > 400 ? items.slice(-400) : items;
  // The takeaways generalise: as a wrong reason or effect beside a lesson's own, a moral reads as
  // absurd ("the deal was rejected because growth only creates value if customers stay", blind review v9).
  return items.filter((x) => Math.abs(x.section - ctx.sectionIndex) <= NEIGHBOURHOOD && !ctx.caseStudy.sections[x.section]?.review);
}

interface SingleChoiceSpec {
  family: QuestionFamily;
  level: BloomLevel;
  rng: Rng;
  stem: string;
  key: string;
  /** Wrong options, most tempting first. */
  distractors: string[];
  /** The explanation, given the most tempting wrong option. */
  explain: (tempting: string) => string;
  source: string;
  score: number;
  /** What the key teaches beyond its own text (the cause of an effect, the action of an aim). */
  alsoReveals?: string[];
  /** Options on one scale: listed in the scale's order (by this value) rather than shuffled. */
  orderBy?: (option: string) => number;
  /**
   * Fewest wrong options (default 3). Two suffice where every wrong option must be the article's own
   * answer to a like question (its other reasons, its other aims): three options are as good as four
   * when the fourth would be weak (Rodriguez 2005, a meta-analysis of 80 years of item research), and
   * an article states only a few reasons.
   */
  minDistractors?: 2 | 3;
}

/**
 * One single-choice candidate from a key and its distractors, or none when the options break a rule
 * every family shares: three distractors (two where the family allows), no key much longer or shorter than the rest, no stem word
 * that only the key repeats. Options are shuffled by the question's own random stream.
 */
export function singleChoice(spec: SingleChoiceSpec): Candidate[] {
  const { key, distractors, stem } = spec;
  if (distractors.length < (spec.minDistractors ?? 3) || !lengthBalanced(key, distractors) || repeatedStemWord(stem, [key], distractors))
    return [];
  const shuffled = spec.rng.shuffle([key, ...distractors]);
  const { orderBy } = spec;
  const options = orderBy ? [...shuffled].sort((a, b) => orderBy(a) - orderBy(b)) : shuffled;
  return [
    {
      question: {
        type: 'single_choice',
        family: spec.family,
        level: spec.level,
        prompt: stem,
        options,
        answer: options.indexOf(key),
        explanation: spec.explain(distractors[0]!),
        source: spec.source,
      },
      score: spec.score,
      keys: [key, ...(spec.alsoReveals ?? [])],
      sources: [spec.source],
    },
  ];
}
