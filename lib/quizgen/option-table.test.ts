import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { attributePhrase, cellInterval, optionTable, optionTableCandidates } from './families-option-table';
import { generateQuizzes } from './generate';
import { singleChoiceCandidates } from '@/test/support/quizgen';

const article = (table: string[]) =>
  [
    '# Marlow Glass: The Oversize Question',
    '',
    '## Background',
    '',
    'Marlow Glass cuts and tempers glass for windows and shopfronts in Ohio. Architects wanted ever larger panes, and the plant could not temper anything over eight feet long, so it bought oversize panes from a rival at a premium.',
    '',
    '## The Options',
    '',
    'By January 2023 the managers had narrowed the choice to three options, which they summarised for the board as follows.',
    '',
    ...table,
    '',
    'The board met twice before it decided, and the family that owns the company argued over the debt the first option would need.',
  ].join('\n');

const across = [
  '| | A. Build an oversize line | B. Supply agreement with a rival | C. Stay with standard sizes |',
  '|---|---|---|---|',
  '| Capital required | $14.5 million | $0.4 million | $1.5 million |',
  '| Added EBITDA by 2026 | $3.2 million | $0.7 million | –$0.5 million to +$0.3 million |',
  '| Main risk | Debt in a downturn | Dependence on a rival | Slow shrinkage |',
];

describe('options compared in a table (a decision matrix)', () => {
  it('reads the options across the header or down the first column, and what the table compares them on', () => {
    const [, , ...rows] = across;
    const table = optionTable({
      kind: 'table',
      header: ['', 'A. Build an oversize line', 'B. Supply agreement with a rival', 'C. Stay with standard sizes'],
      rows: rows.map((r) =>
        r
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      ),
    });
    expect(table?.options).toEqual(['Build an oversize line', 'Supply agreement with a rival', 'Stay with standard sizes']);
    expect(table?.attributes.map((a) => a.label)).toEqual(['Capital required', 'Added EBITDA by 2026', 'Main risk']);
    const down = optionTable({
      kind: 'table',
      header: ['Option', 'Upfront cost', 'Time to launch'],
      rows: [
        ['Subscription only', '$0.2M', '3 months'],
        ['Payments through a partner', '$0.6M', '6 months'],
        ['Become a payment facilitator', '$1.8M, plus $1.0M a year', '15–18 months'],
      ],
    });
    expect(down?.options).toEqual(['Subscription only', 'Payments through a partner', 'Become a payment facilitator']);
    expect(down?.attributes[1]?.cells).toEqual(['3 months', '6 months', '15–18 months']);
    // A table of years is no table of options.
    expect(optionTable({ kind: 'table', header: ['', '2022', '2023', '2024'], rows: [['Revenue', '1', '2', '3']] })).toBeNull();
  });

  it('reads a cell as the range of values it allows, and a cell of words as none', () => {
    expect(cellInterval('$14.5 million')).toEqual({ lo: 14.5e6, hi: 14.5e6, unit: '$' });
    expect(cellInterval('15–18 months')).toEqual({ lo: 15, hi: 18, unit: 'month' });
    expect(cellInterval('–$0.5 million to +$0.3 million')).toEqual({ lo: -0.5e6, hi: 0.3e6, unit: '$' });
    expect(cellInterval('$1.8M, plus $1.0M a year')).toEqual({ lo: 1.8e6, hi: Infinity, unit: '$' });
    expect(cellInterval('0.25% (referral)')).toEqual({ lo: 0.25, hi: 0.25, unit: '%' });
    expect(cellInterval('Slow shrinkage')).toBeNull();
    expect(cellInterval('Commercial down $6 million, partly offset by residential growth')).toBeNull();
    expect(cellInterval('+$0.8M to +$1.5M, uncertain')).toBeNull();
  });

  it('words the attribute as a phrase about an option', () => {
    expect(attributePhrase('Capital required', true)).toBe('required the most capital');
    expect(attributePhrase('Time to launch', false)).toBe('had the shortest time to launch');
    expect(attributePhrase('Est. 12-month cash effect ($M)', true)).toBe('had the highest estimated 12-month cash effect');
    expect(attributePhrase('EBITDA by 2026', true)).toBe('had the highest EBITDA by 2026');
  });

  it('asks which option stands apart on a figure, keyed from the table, with the other options as wrong answers', () => {
    const asked = singleChoiceCandidates(optionTableCandidates, article(across));
    const capital = asked.find((q) => /most capital/.test(q.prompt));
    expect(capital?.prompt).toBe('Of the three options in the article’s table, which one required the most capital?');
    expect(capital!.options[capital!.answer]).toBe('Build an oversize line');
    expect([...capital!.options].sort()).toEqual(['Build an oversize line', 'Stay with standard sizes', 'Supply agreement with a rival']);
    expect(capital!.level).toBe('analyze');
    // A range below every other figure is the lowest: –$0.5m to +$0.3m against $0.7m and $3.2m.
    const lowest = asked.find((q) => /lowest added EBITDA/.test(q.prompt));
    expect(lowest!.options[lowest!.answer]).toBe('Stay with standard sizes');
    // Words ("Main risk") are compared on nothing.
    expect(asked.some((q) => /risk/i.test(q.prompt))).toBe(false);
  });

  it('asks nothing when no option is clearly apart, or when the key’s own name says the answer', () => {
    const close = across.map((r) => r.replace('$14.5 million | $0.4 million | $1.5 million', '$1.6 million | $0.4 million | $1.5 million'));
    expect(singleChoiceCandidates(optionTableCandidates, article(close)).some((q) => /most capital/.test(q.prompt))).toBe(false);
    const cheaper = across.map((r) => r.replace('B. Supply agreement with a rival', 'B. A cheaper supply agreement'));
    expect(singleChoiceCandidates(optionTableCandidates, article(cheaper)).some((q) => /least capital/.test(q.prompt))).toBe(false);
  });

  it('puts the question in the lesson of the table, and asks each option once there', () => {
    const parsed = parseCaseStudy(article(across));
    if (!parsed.ok) throw new Error(parsed.error);
    const quiz = generateQuizzes(parsed.caseStudy);
    const lesson = quiz.lessons.find((l) => l.title === 'The Options')!;
    const asked = lesson.questions.filter((q) => q.family === 'option_table');
    expect(asked.length).toBeGreaterThanOrEqual(1);
    // "Most capital" and "highest added EBITDA" are both the oversize line: one of them is asked.
    const keys = asked.map((q) => (q.type === 'single_choice' ? q.options[q.answer] : ''));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
