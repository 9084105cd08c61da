import type { ContentBlock } from '@/lib/case-study/types';
import { sentencesOf } from '@/lib/case-study/parse';
import { streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords } from './sentence-features';
import { overlap } from './analysis';

/**
 * Families that ask for facts worth remembering: the steps of a sequence, what each item of a list
 * stands for.
 */

const SEQUENCE_INTRO = /\b(?:steps?|stages?|phases?|sequence|in (?:this|that|the following) order|one after another)\b/i;

/** A numbered list introduced as steps or stages → put the steps in order. */
export function sequenceCandidates(ctx: FamilyContext): Candidate[] {
  return listsWithIntro(ctx.section.blocks).flatMap(({ items, intro, ordered }): Candidate[] => {
    if (!ordered || !intro || !SEQUENCE_INTRO.test(intro) || items.length < 3 || items.length > 6) return [];
    return [
      {
        question: {
          type: 'ordering',
          family: 'sequence',
          level: 'understand',
          prompt: `Put these in the order the article gives them: “${intro}”`,
          items,
          explanation: `The article gives them in this order: ${items.map((x, i) => `${i + 1}. ${x}`).join(' ')}`,
          source: items.join(' '),
        },
        score: 0.65,
        keys: items,
        sources: items,
      },
    ];
  });
}

/** "Term: description" list items → match each term to what the article says about it. */
export function matchingCandidates(ctx: FamilyContext): Candidate[] {
  const TERM_ITEM = /^([^:.!?]{2,60}?):\s+(\S.{5,200})$/;
  return listsWithIntro(ctx.section.blocks).flatMap(({ items }): Candidate[] => {
    const pairs = items
      .map((item) => TERM_ITEM.exec(item))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m): [string, string] => [m[1]!.trim(), m[2]!.trim()]);
    if (pairs.length < 3 || pairs.length !== items.length) return [];
    // "2019: revenue EUR 612 million, margin 1.8%": a table of figures by year is memorised, not
    // understood, and a rising series is matched by its order alone (blind review v10: rejected).
    if (pairs.some(([term]) => /\d/.test(term)) || pairs.every(([, about]) => /\d/.test(about))) return [];
    // A term whose description repeats its words can be matched without reading.
    if (pairs.some(([a, b]) => overlap(contentWords(a), contentWords(b)) > 0)) return [];
    const rng = streamFor('matching', items.join(' '));
    const shown = rng.shuffle(pairs).slice(0, 5);
    return [
      {
        question: {
          type: 'matching',
          family: 'matching',
          level: 'remember',
          prompt: 'Match each item from the lesson to what the article says about it.',
          pairs: shown,
          explanation: `The article pairs them: ${shown.map(([a, b]) => `${a}: ${b}`).join(' ')}`,
          source: shown.map(([a, b]) => `${a}: ${b}`).join(' '),
        },
        score: 0.5,
        keys: shown.map((p) => p[1]),
        sources: shown.map(([a, b]) => `${a}: ${b}`),
      },
    ];
  });
}

function listsWithIntro(blocks: ContentBlock[]) {
  return blocks.flatMap((b, i) => {
    if (b.kind !== 'list') return [];
    const before = blocks[i - 1];
    const intro = before?.kind === 'paragraph' && before.text.trim().endsWith(':') ? sentencesOf([before]).at(-1) : undefined;
    return [{ items: b.items, intro, ordered: b.ordered }];
  });
}
