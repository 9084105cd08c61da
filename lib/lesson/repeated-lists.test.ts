import { describe, expect, it } from 'vitest';
import type { ContentBlock } from '@/lib/case-study/types';
import { withoutRepeatedKeyPoints } from './repeated-lists';

const para: ContentBlock = { kind: 'paragraph', text: 'In wrapping this up, resilience pays.' };
const list = (...items: string[]): ContentBlock => ({ kind: 'list', ordered: false, items });

describe('withoutRepeatedKeyPoints', () => {
  it('drops a list that only repeats the key points, whatever its spacing and case', () => {
    const blocks = [list('Always have a Plan B.', 'Invest  in education.'), para];
    expect(withoutRepeatedKeyPoints(blocks, ['always have a plan b.', 'Invest in education.', 'Use failures.'])).toEqual([para]);
  });

  it('keeps a list with an item the key points lack, and every other block', () => {
    const blocks = [
      para,
      list('Always have a Plan B.', 'Something else entirely.'),
      { kind: 'quote', text: 'Always have a Plan B.' } as ContentBlock,
    ];
    expect(withoutRepeatedKeyPoints(blocks, ['Always have a Plan B.'])).toEqual(blocks);
  });

  it('changes nothing when the lesson has no key points', () => {
    const blocks = [list('One.'), para];
    expect(withoutRepeatedKeyPoints(blocks, [])).toEqual(blocks);
  });
});
