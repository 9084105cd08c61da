import { describe, expect, it } from 'vitest';
import type { ContentBlock } from '@/lib/case-study/types';
import { lessonLayout } from './repeated-lists';

const para: ContentBlock = { kind: 'paragraph', text: 'In wrapping this up, resilience pays.' };
const p = (text: string): ContentBlock => ({ kind: 'paragraph', text });
const list = (...items: string[]): ContentBlock => ({ kind: 'list', ordered: false, items });

describe('lessonLayout', () => {
  it('drops a list that only repeats the key points, whatever its spacing and case', () => {
    const blocks = [list('Always have a Plan B.', 'Invest  in education.'), para];
    const points = ['always have a plan b.', 'Invest in education.', 'Use failures.'];
    // In the key points' order: the list's items came first.
    expect(lessonLayout(blocks, points)).toEqual({
      groups: [{ items: ['Always have a Plan B.', 'Invest  in education.'] }, { items: ['Use failures.'] }],
      body: [para],
    });
  });

  it('keeps a list with an item the key points lack, and every other block', () => {
    const blocks = [
      para,
      list('Always have a Plan B.', 'Something else entirely.'),
      { kind: 'quote', text: 'Always have a Plan B.' } as ContentBlock,
    ];
    expect(lessonLayout(blocks, ['Always have a Plan B.'])).toEqual({ groups: [{ items: ['Always have a Plan B.'] }], body: blocks });
  });

  it('changes nothing when the lesson has no key points', () => {
    const blocks = [list('One.'), para];
    expect(lessonLayout(blocks, [])).toEqual({ groups: [], body: blocks });
  });

  it('moves the sentence that introduces a moved list with it, so no paragraph ends on a colon', () => {
    const items = ['Retail, with 14 sites.', 'Offices, with 9.'];
    const blocks = [p('The firm grew after 2019. By 2022 it worked in two sectors:'), list(...items), p('Then the contract ended.')];
    expect(lessonLayout(blocks, items)).toEqual({
      groups: [{ lead: 'By 2022 it worked in two sectors:', items }],
      body: [p('The firm grew after 2019.'), p('Then the contract ended.')],
    });
    // A paragraph that is only the lead goes whole; a paragraph before a list it does not introduce stays.
    expect(lessonLayout([p('Key lessons include:'), list(...items)], items)).toEqual({
      groups: [{ lead: 'Key lessons include:', items }],
      body: [],
    });
    expect(lessonLayout([p('Two sectors mattered.'), list(...items)], items).body).toEqual([p('Two sectors mattered.')]);
  });
});
