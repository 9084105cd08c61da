import type { ContentBlock } from '@/lib/case-study/types';
import { sentencesOf } from '@/lib/case-study/parse';
import type { Candidate, FamilyContext } from './candidate';

/**
 * Families that ask for facts worth remembering: the steps of a sequence.
 */

const SEQUENCE_INTRO = /\b(?:steps?|stages?|phases?|sequence|in (?:this|that|the following) order|one after another)\b/i;

/** A numbered list introduced as steps or stages → put the steps in order. */
export function sequenceCandidates(ctx: FamilyContext): Candidate[] {
  return listsWithIntro(ctx.section.blocks).flatMap(({ items, intro, ordered }): Candidate[] => {
    if (!ordered || !intro || !SEQUENCE_INTRO.test(intro) || items.length < 3 || items.length > 6) return [];
    // "She proposed three steps:": a lead that opens on a pronoun never says whose steps, or for what
    // (blind review v18h, a53).
    if (/^(?:she|he|they|it|this|that|these|those|we|i|you)\b/i.test(intro.trim())) return [];
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

function listsWithIntro(blocks: ContentBlock[]) {
  return blocks.flatMap((b, i) => {
    if (b.kind !== 'list') return [];
    const before = blocks[i - 1];
    const intro = before?.kind === 'paragraph' && before.text.trim().endsWith(':') ? sentencesOf([before]).at(-1) : undefined;
    return [{ items: b.items, intro, ordered: b.ordered }];
  });
}
