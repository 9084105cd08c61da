import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { optionEffectCandidates, optionPredicate } from './families-option-effect';
import { generateQuizzes } from './generate';
import { singleChoiceCandidates } from '@/test/support/quizgen';

const article = (options: string[]) =>
  [
    '# Fenmoor Growers: The Winter of Dear Gas',
    '',
    '## Background',
    '',
    'Fenmoor Growers raises cut flowers under heated glass in Lincolnshire for a supermarket group and for florists. Its fixed-price gas contract ran out in September 2022, and the new quotes were four times the old price.',
    '',
    '## The Options',
    '',
    ...options,
    '',
    '## The Decision',
    '',
    'On 30 August 2022 the board chose triage, on condition that the supermarket group agreed a price mechanism before the first winter invoice. The growers were told the same afternoon.',
  ].join('\n');

const told = [
  'The managing director laid out three options to her board.',
  '',
  'The first was a price rise. This preserved the crop plan, the staff and the supply slot. It also depended entirely on the buyer’s willingness to pay.',
  '',
  'The second was mothballing. The company would keep only minimal frost protection. The finance director estimated this would save about £4.0 million of energy at August prices, but it would forgo £5.1 million of revenue.',
  '',
  'The third was triage. The company would stop growing chrysanthemums over the winter and keep the other crops cooler.',
  '',
  'Triage would cut winter energy use by about 45 per cent. The board met twice to argue about it.',
];

describe('which option the article says would have done this', () => {
  it('reads what the sentences after an option say of it: "This …", "X estimated this would …", and the option by its name', () => {
    const asked = singleChoiceCandidates(optionEffectCandidates, article(told));
    const key = (pattern: RegExp) => {
      const q = asked.find((c) => pattern.test(c.prompt));
      return q && q.options[q.answer];
    };
    expect(asked.find((q) => /crop plan/.test(q.prompt))?.prompt).toBe(
      'According to the article, which of the three options would have preserved the crop plan, the staff and the supply slot?',
    );
    expect(key(/crop plan/)).toBe('A price rise');
    expect(asked.find((q) => /£4\.0 million/.test(q.prompt))?.prompt).toBe(
      'According to the article, which of the three options did the finance director estimate would save about £4.0 million of energy at August prices?',
    );
    expect(key(/£4\.0 million/)).toBe('Mothballing');
    expect(key(/45 per cent/)).toBe('Triage');
    for (const q of asked) {
      expect([...q.options].sort()).toEqual(['A price rise', 'Mothballing', 'Triage'].sort());
      expect(q.level).toBe('understand');
    }
  });

  it('asks nothing of what an option lacks ("needed no new borrowing"): the other options may lack it too (blind review v17a, b38)', () => {
    const lacking = told.map((line) =>
      line.replace('This preserved the crop plan, the staff and the supply slot.', 'It needed no new borrowing and kept the crop plan.'),
    );
    const asked = singleChoiceCandidates(optionEffectCandidates, article(lacking));
    expect(asked.filter((q) => /borrowing/.test(q.prompt))).toEqual([]);
    // The other options' effects are still asked.
    expect(asked.some((q) => /45 per cent/.test(q.prompt))).toBe(true);
  });

  it('shows five of six listed options, always the key, and does not count them in the stem (b33: six options had no question)', () => {
    const six = [
      'These were the options on the whiteboard:',
      '',
      '- Keep trading normally and hope for a mild winter. This would be cheapest in the short term, but the losses would continue.',
      '- Stop selling to florists until prices fell. This would remove a third of the company’s revenue at once.',
      '- Lease a second, smaller glasshouse in Spain for the winter. This was limited by a shortage of experienced growers.',
      '- Buy flowers from other growers to fill the supermarket orders. This would protect the supply slot at a thin margin.',
      '- Offer staff unpaid leave over the winter months. This would cut wages but risk losing skilled pickers.',
      '- Sell the business to a larger grower. A rival had offered £3 million for the glass and the contracts.',
    ];
    const asked = singleChoiceCandidates(optionEffectCandidates, article(six));
    const cheapest = asked.find((q) => /cheapest in the short term/.test(q.prompt));
    expect(cheapest?.prompt).toBe('According to the article, which of these options would be cheapest in the short term?');
    expect(cheapest!.options).toHaveLength(5);
    expect(cheapest!.options[cheapest!.answer]).toBe('Keep trading normally and hope for a mild winter');
  });

  it('attributes nothing once the paragraph has moved on, nor a claim that leans on another sentence', () => {
    const moved = told.map((p) => p.replace('This preserved the crop plan', 'The board liked the idea. This preserved the crop plan'));
    expect(singleChoiceCandidates(optionEffectCandidates, article(moved)).some((q) => /crop plan/.test(q.prompt))).toBe(false);
    // "It also depended entirely on the buyer’s willingness": short, and its possessive points elsewhere.
    expect(optionPredicate('It also depended on that.')).toBeNull();
    expect(optionPredicate('This was cheaper.')).toBeNull();
    // An option the case may not have taken is asked in the conditional (blind review v15, b23: "'captured' is past tense").
    expect(optionPredicate('This preserved the crop plan, but it would cost jobs.')).toBe('would have preserved the crop plan');
    expect(optionPredicate('This took the pressure off the sales team entirely.')).toBe(
      'would have taken the pressure off the sales team entirely',
    );
    expect(optionPredicate('This was the most complicated option to administer.')).toBe(
      'would have been the most complicated option to administer',
    );
    expect(optionPredicate('It would cut gas use by about 40% with little capital.')).toBe(
      'would cut gas use by about 40% with little capital',
    );
    // How an option struck someone is no effect of it, and its stem gives the answer away (blind review v16, c33).
    expect(optionPredicate('This appealed to Farrugia, who remembered being an underpaid junior.')).toBeNull();
    expect(optionPredicate('It would have worried the lenders more than the staff.')).toBeNull();
    expect(optionPredicate('This suited the founders, who wanted to keep control.')).toBeNull();
  });

  it('puts the question in the lesson of the options, beside the question on which option was chosen', () => {
    const parsed = parseCaseStudy(article(told));
    if (!parsed.ok) throw new Error(parsed.error);
    const quiz = generateQuizzes(parsed.caseStudy);
    expect(quiz.lessons.find((l) => l.title === 'The Options')!.questions.some((q) => q.family === 'option_effect')).toBe(true);
    expect(quiz.lessons.find((l) => l.title === 'The Decision')!.questions.some((q) => q.family === 'decision')).toBe(true);
    // In one lesson, the two show the same options, and neither blocks the other (c23).
    const together = parseCaseStudy(
      article([...told, '', 'On 30 August 2022 the board chose triage, on condition that the buyer agreed a price mechanism.']),
    );
    if (!together.ok) throw new Error(together.error);
    const families = generateQuizzes(together.caseStudy)
      .lessons.find((l) => l.title === 'The Options')!
      .questions.map((q) => q.family);
    expect(families).toContain('option_effect');
    expect(families).toContain('decision');
  });
});
