import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { drawbackIn, listedOptions } from './families-tradeoffs';
import type { Question } from './types';
import { generateQuizzes } from './generate';

const article = (lead: string, items: string[]) =>
  [
    '# Tarn Foods',
    '',
    'Tarn Foods makes frozen meals for supermarkets in the north of England. In 2021 its largest customer asked for a plant-based range, and the board had six months to answer.',
    '',
    '## Options',
    '',
    lead,
    '',
    ...items.map((i) => `1. ${i}`),
    '',
    '## The Decision',
    '',
    'The board chose to convert one of the two lines in May 2021. The plant-based range launched in 40 stores that autumn and sold out in most of them within a week. By 2023 it made up a fifth of sales.',
  ].join('\n');

const ITEMS = [
  '**Build a new plant.** A dedicated plant would cost about £30 million and give full control of the recipes, but it would take three years to open.',
  '**Convert one of the two lines.** This was the fastest route to market. The risk was that output of the best-selling meat meals would fall by a third.',
  '**Buy a small plant-based brand.** A brand with its own customers was for sale, but it would cost twice its annual sales.',
  '**Decline the request.** The board could keep its focus on the existing range. However, the customer would probably move part of its orders to a rival.',
];

describe('drawbackIn: the cost an option’s sentences state plainly', () => {
  it('reads a drawback after "but", after "the risk was" and after "however", up to the end of its own clause', () => {
    expect(drawbackIn(['It was cheap, but it would take three years to open, and nobody liked it.'])?.drawback).toBe(
      'It would take three years to open',
    );
    expect(drawbackIn(['The risks were dependence on one supplier and lower margins, because cells were dear.'])?.drawback).toBe(
      'Dependence on one supplier and lower margins',
    );
    expect(drawbackIn(['However, the customer would move its orders to a rival.'])?.drawback).toBe(
      'The customer would move its orders to a rival',
    );
  });

  it('reads a drawback told in a sentence of its own that opens on "But" or "Yet"', () => {
    expect(drawbackIn(['A new plant would give full control.', 'But it would take three years to open.'])).toEqual({
      drawback: 'It would take three years to open',
      sentence: 'But it would take three years to open.',
      labelled: false,
    });
    expect(drawbackIn(['Yet the brand would cost twice its annual sales.'])?.drawback).toBe('The brand would cost twice its annual sales');
    expect(drawbackIn(['The danger was that the best fitters would leave for good.'])?.drawback).toBe(
      'The best fitters would leave for good',
    );
    // "But" opening on a pointer back is no drawback of its own.
    expect(drawbackIn(['But that was only half the story.'])).toBeNull();
  });

  it('reads no drawback from a turn that states a plain fact: "but" may as well bring the merit after the cost', () => {
    // Blind-review article a8 (v12): "Electricity was also expensive in 2022, but the array … promised
    // steadier costs" and "Revenue might fall to £15 million, but gross margins … ran above 45%" were
    // read as those options' drawbacks, and a matching keyed a merit as a cost.
    expect(drawbackIn(['Electricity was also expensive in 2022, but the array promised steadier costs and lower emissions.'])).toBeNull();
    expect(drawbackIn(['Revenue might fall to £15 million, but gross margins on the remaining products ran above 45%.'])).toBeNull();
    expect(drawbackIn(['However, the new kilns cut gas use by half.'])).toBeNull();
    expect(drawbackIn(['Yet the asking price was twice its annual sales.'])).toBeNull();
    // A cost said as what the option would do, or risked doing, is one.
    expect(drawbackIn(['This needed almost no capital, but it risked losing caterers to importers.'])?.drawback).toBe(
      'It risked losing caterers to importers',
    );
    // An explicit label needs no such reading.
    expect(drawbackIn(['The risk was that the asking price was twice its annual sales.'])?.drawback).toBe(
      'The asking price was twice its annual sales',
    );
  });

  it('reads the first of several costs run together with commas (blind-review article c4)', () => {
    expect(
      drawbackIn(['Revenue per user would be higher, but gross margin would fall to about 35 percent, operations would grow more complex.'])
        ?.drawback,
    ).toBe('Gross margin would fall to about 35 percent');
  });

  it('reads none from a sentence without one, or one that leans on the sentence before it', () => {
    expect(drawbackIn(['The board could keep its focus on the existing range.'])).toBeNull();
    expect(drawbackIn(['It was quick, but this meant more overtime.'])).toBeNull();
  });
});

describe('trade-off questions: each option matched with its drawback', () => {
  it('matches every option of a list the article calls options with the drawback it gives for it', () => {
    const parsed = parseCaseStudy(article('The board weighed four options in January 2021:', ITEMS));
    if (!parsed.ok) throw new Error(parsed.error);
    const question = generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .find((q) => q.family === 'tradeoff');
    expect(question?.type).toBe('matching');
    if (question?.type !== 'matching') return;
    expect(question.level).toBe('understand');
    expect(Object.fromEntries(question.pairs)).toEqual({
      'Build a new plant': 'It would take three years to open',
      'Convert one of the two lines': 'Output of the best-selling meat meals would fall by a third',
      'Buy a small plant-based brand': 'It would cost twice its annual sales',
      'Decline the request': 'The customer would probably move part of its orders to a rival',
    });
  });

  it('asks nothing when the list is not the options, its size disagrees with the count the article states, or fewer than three options state a cost', () => {
    const blocks = (lead: string, items: string[]) => {
      const parsed = parseCaseStudy(article(lead, items));
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.caseStudy.sections[0]!.blocks;
    };
    expect(listedOptions(blocks('The board weighed four options in January 2021:', ITEMS))).toHaveLength(1);
    expect(listedOptions(blocks('Four problems came to a head in January 2021:', ITEMS))).toEqual([]);
    expect(listedOptions(blocks('The board weighed five options in January 2021:', ITEMS))).toEqual([]);
    const costless = ITEMS.map((item, i) => (i < 2 ? item.replace(/, but .*$|The risk was .*$/, '.') : item));
    expect(listedOptions(blocks('The board weighed four options in January 2021:', costless))).toEqual([]);
  });

  it('reads options whose list is introduced by a paragraph about the options ("… the options. They came back with four:") and labelled risks ("Risk: …")', () => {
    const labelled = [
      '**Build a new plant.** A dedicated plant near Leeds. Cost: about £30 million. Risk: it would take three years to open.',
      '**Convert one of the two lines.** The fastest route to market. Risk: output of the best-selling meat meals would fall by a third.',
      '**Buy a small plant-based brand.** A brand with its own customers was for sale. Risk: the asking price was twice its annual sales.',
      '**Decline the request.** Keep the focus on the existing range. Drawback: the customer would probably move part of its orders to a rival.',
    ];
    const lead = 'The chief executive asked the finance team to work the options through with numbers. They came back with four:';
    const parsed = parseCaseStudy(article(lead, labelled));
    if (!parsed.ok) throw new Error(parsed.error);
    const question = generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .find((q) => q.family === 'tradeoff');
    if (question?.type !== 'matching') throw new Error('expected a trade-off matching');
    expect(Object.fromEntries(question.pairs)).toEqual({
      'Build a new plant': 'It would take three years to open',
      'Convert one of the two lines': 'Output of the best-selling meat meals would fall by a third',
      'Buy a small plant-based brand': 'The asking price was twice its annual sales',
      'Decline the request': 'The customer would probably move part of its orders to a rival',
    });
    // A paragraph that never speaks of options does not make its list one.
    const other = parseCaseStudy(article('The chief executive asked the finance team for a review. They came back with four:', labelled));
    if (!other.ok) throw new Error(other.error);
    expect(listedOptions(other.caseStudy.sections[0]!.blocks)).toEqual([]);
  });

  it('reads a list opened by its count and a verb ("Four emerged as serious:") after a sentence about the alternatives', () => {
    // Blind review v12 (a8): the case's four options were not read, their list opened this way.
    const blocks = (lead: string) => {
      const parsed = parseCaseStudy(article(lead, ITEMS));
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.caseStudy.sections[0]!.blocks;
    };
    const about = 'The team spent six weeks in the autumn of 2022 working through alternatives. Consultants costed each one.';
    expect(listedOptions(blocks(`${about} Four emerged as serious:`))).toHaveLength(1);
    expect(listedOptions(blocks(`${about} Four stood out:`))).toHaveLength(1);
    // A noun after the count names something else; a count that disagrees with the list is not this list.
    expect(listedOptions(blocks(`${about} Four problems came to a head:`))).toEqual([]);
    expect(listedOptions(blocks(`${about} Three emerged as serious:`))).toEqual([]);
    // Without a sentence about the options, a counted list is just a list.
    expect(listedOptions(blocks('Consultants costed each one. Four emerged as serious:'))).toEqual([]);
  });

  it('asks nothing when two drawbacks say much the same, so either partner would do', () => {
    const same = [...ITEMS];
    same[2] = '**Buy a small plant-based brand.** A brand was for sale, but it would take three years to open its plant.';
    const parsed = parseCaseStudy(article('The board weighed four options in January 2021:', same));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(
      generateQuizzes(parsed.caseStudy)
        .lessons.flatMap((l) => l.questions)
        .some((q) => q.family === 'tradeoff'),
    ).toBe(false);
  });
});

/** Tarn Foods with three options told in sentences, one paragraph each, and what followed. */
const toldArticle = (options: [string, string, string], after: string) =>
  [
    '# Tarn Foods',
    '',
    '## Background',
    '',
    'Tarn Foods makes frozen meals for supermarkets in the north of England. In 2021 its largest customer asked for a plant-based range, and the board had six months to answer.',
    '',
    '## Options',
    '',
    'The finance director set out the options in a report to the board in March 2021.',
    '',
    ...options.flatMap((o) => [o, '']),
    '## The Decision',
    '',
    after,
  ].join('\n');

const questionsOf = (text: string) => {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return generateQuizzes(parsed.caseStudy).lessons.flatMap((l) => l.questions);
};

describe('trade-off questions from options told in sentences', () => {
  it('reads an option’s drawback anywhere in its description, up to the next option', () => {
    const text = toldArticle(
      [
        'The first option was to build a new plant. A site near Leeds was available, and the plant would give full control of the recipes. The drawback was that it would take three years to open.',
        'The second option was to convert one of the two lines. This was the fastest route to market. Engineers said the work could start within weeks. The risk was that output of the meat meals would fall by a third.',
        'The third option was to buy a small plant-based brand. A brand with its own customers was for sale, but buying it would cost twice its annual sales.',
      ],
      'The board chose the second option in May 2021. The range launched in 40 stores that autumn and sold out within a week.',
    );
    const question = questionsOf(text).find((q) => q.family === 'tradeoff');
    if (question?.type !== 'matching') throw new Error('expected a trade-off matching');
    expect(Object.fromEntries(question.pairs)).toEqual({
      'Build a new plant': 'It would take three years to open',
      'Convert one of the two lines': 'Output of the meat meals would fall by a third',
      'Buy a small plant-based brand': 'Buying it would cost twice its annual sales',
    });
  });
});

describe('trade-off statements: an option with its own drawback or another option’s', () => {
  const told = (third: string) =>
    toldArticle(
      [
        'The first option was to build a new plant. A site near Leeds was available. The drawback was that it would take three years to open.',
        'The second option was to convert one of the two lines. This was the fastest route to market. The risk was that output of the meat meals would fall by a third.',
        `The third option was to buy a small plant-based brand. ${third}`,
      ],
      'The range launched in 40 stores that autumn and sold out within a week.',
    );
  const statements = (text: string) =>
    questionsOf(text).filter((q): q is Extract<Question, { type: 'true_false' }> => q.type === 'true_false' && q.family === 'tradeoff');

  it('asks when only two options state a cost, true exactly when the drawback is the option’s own', () => {
    const asked = statements(told('A brand with its own customers was for sale.'));
    expect(asked).toHaveLength(1);
    const q = asked[0]!;
    expect(q.level).toBe('understand');
    const own: Record<string, string> = {
      'Build a new plant': 'it would take three years to open',
      'Convert one of the two lines': 'output of the meat meals would fall by a third',
    };
    const m = /a drawback of the option “(.+)” was this: (.+)\.$/.exec(q.prompt);
    if (!m) throw new Error(q.prompt);
    expect(Object.keys(own)).toContain(m[1]);
    expect(Object.values(own)).toContain(m[2]);
    expect(q.answer).toBe(own[m[1]!] === m[2]);
  });

  it('states both answers over many articles, not always "true"', () => {
    const answers = new Set<boolean>();
    for (const n of [2, 3, 4, 5, 6, 7, 8, 9]) {
      const text = told('A brand with its own customers was for sale.').replace('three years', `${n} years`);
      for (const q of statements(text)) answers.add(q.answer);
    }
    expect(answers).toEqual(new Set([true, false]));
  });

  it('asks nothing from a cost read after a turn, where the merit may as well come after the cost', () => {
    const turned = told('A brand with its own customers was for sale.').replace(
      'A site near Leeds was available. The drawback was that it would take three years to open.',
      'A site near Leeds was available, but it would take three years to open.',
    );
    expect(statements(turned)).toEqual([]);
  });

  it('asks nothing with a single stated cost: there is no other option’s drawback to swap in', () => {
    const one = told('A brand with its own customers was for sale.').replace(
      ' The risk was that output of the meat meals would fall by a third.',
      '',
    );
    expect(statements(one)).toEqual([]);
  });
});
