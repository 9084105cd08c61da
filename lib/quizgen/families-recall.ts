import type { ContentBlock } from '@/lib/case-study/types';
import { sentencesOf } from '@/lib/case-study/parse';
import { streamFor, type Candidate, type FamilyContext } from './candidate';
import { contentWords, isClaim, sentenceFeatures } from './sentence-features';
import { overlap } from './analysis';

/**
 * Families that ask for facts worth remembering: the order of the case's events, the steps of a
 * sequence, what each item of a list stands for. Never a hedged claim or a forecast.
 */

// A quoted sentence that opens on a link to the one before it reads as a fragment on its own.
const LINKED_OPENING =
  /^(?:as a result|as a consequence|consequently|therefore|thus|however|in turn|because of this|for that reason|by contrast|in contrast|instead)\b/i;

function factualSentence(sentence: string): boolean {
  const f = sentenceFeatures(sentence);
  return (
    isClaim(f) &&
    !f.hedged &&
    !f.forecast &&
    !f.needsContext &&
    !LINKED_OPENING.test(sentence.trim()) &&
    // "this side business", "these plants", "In the quiet months, it averaged": a reference to a
    // sentence the learner does not see.
    !/\b(?:this|these|those)\s+\p{Ll}|\b(?:the two|the three|the former|the latter)\b/iu.test(sentence) &&
    !/,\s+(?:it|they|he|she)\s+\p{Ll}/u.test(sentence) &&
    f.words >= 6 &&
    f.words <= 45
  );
}

/** A money amount, a percentage, a financial measure or a year's volume: "earned a net margin of 1.9%", "sold 24,000 guitars". */
const REPORTS_FIGURE =
  /[%$€£¥]|\b(?:percent|per cent|revenue|revenues|sales|margin|margins|profit|profits|loss|losses|EBITDA)\b|\b(?:sold|shipped|carried|served|produced|delivered|handled|processed)\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|over\s+)?\d/i;

/** "Robots were running in six buildings", "The fleet averaged 14 years old": how things stood, not what happened. */
const STATE = /\b(?:was|were)\s+\p{Ll}+ing\b|\b(?:had|owned|operated|employed|earned|averaged|stood at|totall?ed|accounted for|made up)\b/iu;

/** One ordering question over the lesson's dated events (the review lesson: the whole article's). */
export function timelineCandidates(ctx: FamilyContext): Candidate[] {
  const events = (ctx.section.review ? ctx.caseStudy.events : ctx.caseStudy.events.filter((e) => e.section === ctx.sectionIndex)).filter(
    (e) =>
      factualSentence(e.sentence) &&
      e.event.split(/\s+/).length <= 25 &&
      e.event.split(/\s+/).length >= 6 &&
      // "Revenue rose to $301 million, the margin reached 7.4% …" reports a state, not an event to order
      // (blind review v9: 6 timelines, every one edited for items that were figures, not events).
      !REPORTS_FIGURE.test(e.event) &&
      !STATE.test(e.event),
  );
  const byYear = new Map<number, (typeof events)[number]>();
  for (const e of events) if (!byYear.has(e.year)) byYear.set(e.year, e);
  if (byYear.size < 3) return [];
  const all = [...byYear.values()];
  const rng = streamFor('timeline', all.map((e) => e.sentence).join(' '));
  // Events told in the order they happened can be ordered by remembering where they were told, not
  // when (blind reviews v9: "the order simply follows the article's order, so it is guessable"): a
  // set with an event told out of order (a flashback, a look back) is taken when the article has one.
  const told = (e: (typeof all)[number]) => all.indexOf(e);
  const draws = Array.from({ length: 12 }, () => rng.shuffle(all).slice(0, 5));
  const picked = [...(draws.find((d) => d.some((a) => d.some((b) => told(a) < told(b) && a.year > b.year))) ?? draws[0]!)].sort(
    (a, b) => a.year - b.year,
  );
  return [
    {
      question: {
        type: 'ordering',
        family: 'timeline',
        level: 'understand',
        // The review lesson's timeline spans the case; its lesson is named for the takeaways, so the
        // stem says what it covers (blind reviews v9: "the label 'Review: key takeaways' does not fit").
        prompt: ctx.section.review
          ? 'Looking back over the whole case, put these events in the order they happened, earliest first.'
          : 'Put these events from this part of the case in the order they happened, earliest first.',
        items: picked.map((e) => e.event),
        explanation: `The article dates each of them: ${picked.map((e) => `${e.year}: “${e.sentence}”`).join(' ')}`,
        source: picked.map((e) => e.sentence).join(' '),
      },
      score: ctx.section.review ? 0.75 : 0.7,
      keys: picked.map((e) => e.event),
      sources: picked.map((e) => e.sentence),
    },
  ];
}

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
