import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { alternativesIn } from './families-decisions';
import { generateQuizzes } from './generate';

describe('alternativesIn: a choice reported with the alternative turned down', () => {
  it('swaps two bare-verb courses after "to", and two gerund courses after a preposition', () => {
    expect(alternativesIn('The board chose to cut prices rather than lose market share.')).toMatchObject({
      chosen: 'cut prices',
      rejected: 'lose market share',
      swapped: 'The board chose to lose market share rather than cut prices.',
    });
    expect(alternativesIn('Osei responded by restructuring the program rather than abandoning the new system.')?.swapped).toBe(
      'Osei responded by abandoning the new system rather than restructuring the program.',
    );
    // The comma before "rather than" and what follows the clause stay where they were.
    expect(
      alternativesIn('Lena Ruud decided to settle the claim, at a cost of €14 million, rather than fight a public dispute.')?.swapped,
    ).toBe('Lena Ruud decided to fight a public dispute, rather than settle the claim, at a cost of €14 million.');
  });

  it('leaves alone what would not read right swapped: noun phrases, pronouns pointing forward, quotes, mixed forms', () => {
    expect(alternativesIn('The company treated it as a risk to be managed rather than a project to be finished.')).toBeNull();
    expect(alternativesIn('Magnussen decided to keep the copper lines running rather than close them.')).toBeNull();
    expect(alternativesIn('The firm kept instructors on 60% of their pay instead of laying off staff.')).toBeNull();
    expect(alternativesIn('She said the firm had "treated monitoring as paperwork rather than process control."')).toBeNull();
    // "pricing" is a noun here, not the start of a course.
    expect(alternativesIn('Build pricing strategy around loyal customers rather than waiting for the market to move.')).toBeNull();
  });
});

describe('decision questions', () => {
  const text = [
    '# Orla Buses',
    '',
    '## The price war',
    '',
    'Orla Buses ran 40 coaches between three towns and employed 120 drivers. When Drava Coaches entered the market in 2018, the board chose to add evening routes rather than cut fares. Drava offered free wifi on every route and sold tickets through an app.',
    '',
    '## The recovery',
    '',
    'By 2021 evening routes carried a fifth of all passengers. Orla sold its old depot in 2021 and moved its workshop to a rented site near the motorway. Drivers stayed with the company after the union agreed a profit-sharing scheme.',
  ].join('\n');
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const decisions = generateQuizzes(parsed.caseStudy)
    .lessons.flatMap((l) => l.questions)
    .filter((q) => q.family === 'decision');

  it('states the choice true as written, or false with the two courses swapped, at "understand"', () => {
    expect(decisions).toHaveLength(1);
    const q = decisions[0]!;
    if (q.type !== 'true_false') throw new Error(q.type);
    expect(q.level).toBe('understand');
    const asWritten = /add evening routes rather than cut fares/.test(q.prompt);
    expect(asWritten || /cut fares rather than add evening routes/.test(q.prompt)).toBe(true);
    expect(q.answer).toBe(asWritten);
    expect(q.source).toContain('rather than cut fares');
  });
});
