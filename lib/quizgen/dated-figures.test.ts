import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { changeCandidates, levelsIn, tableLevels } from './families-change';
import { generateQuizzes } from './generate';
import { singleChoiceCandidates } from '@/test/support/quizgen';
import type { Question } from './types';

type Choice = Extract<Question, { type: 'single_choice' }>;

/** Every change question the article supports, before a quiz chooses among them. */
const changesOf = (text: string): Choice[] => singleChoiceCandidates(changeCandidates, text);

/** A case told as a snapshot before the decision and one after it, each a list under a dated lead. */
const snapshots = (before: string, after: string) =>
  [
    '# Pellworth Ropes: Automating the Braiding Floor',
    '',
    '## Background',
    '',
    'Pellworth Ropes makes mooring lines for ferries and offshore vessels in Grimsby. Its owners had run the braiding floor the same way for thirty years, and its customers were starting to look elsewhere.',
    '',
    before,
    '',
    '- Revenue: £22.4 million, up from £19.8 million in 2016',
    '- Headcount: 240, of whom 170 worked on the braiding floor',
    '',
    'The board spent a year arguing about what to do next. Its chair wanted to automate the floor, and its two largest shareholders wanted to sell the business to a competitor.',
    '',
    '## The Decision',
    '',
    'The board approved an automated braiding line in March 2020. The line cost £6.1 million and was paid for with a bank loan and the sale of an old warehouse by the river.',
    '',
    'The first months were hard. Two of the new machines broke down, and the company lost a contract with a Danish ferry operator.',
    '',
    '## Results',
    '',
    'The line settled down in 2022, and the ferry operator came back the following year.',
    '',
    after,
    '',
    '- Revenue: £31.9 million',
    '- Headcount: 182, down from 240',
    '',
    '## Lessons',
    '',
    '- Automation changes who a company employs before it changes what the company earns.',
    '- A lost customer can come back when the product gets better.',
  ].join('\n');

describe('figures in a list dated by its lead ("By 2024 the results were:")', () => {
  it('reads each item at the year its lead names, sets it against the same measure in an earlier dated list, and names the owner as "the company"', () => {
    const changes = changesOf(
      snapshots('In 2019, the last full year before the decision, the business looked like this:', 'By 2024 the results were:'),
    );
    const revenue = changes.find((q) => /revenue change between 2019 and 2024/.test(q.prompt));
    expect(revenue?.prompt).toBe(
      'From the article’s figures, by about what percentage did the company’s revenue change between 2019 and 2024?',
    );
    // £22.4m → £31.9m is 42% more: 40 would be more than a point and a half off (blind review v14, c21).
    expect(revenue!.options[revenue!.answer]).toBe('Rose by about 42%.');
    const headcount = changes.find((q) => /headcount/.test(q.prompt));
    // 240 → 182 is 24% less.
    expect(headcount?.options[headcount.answer]).toBe('Fell by about 25%.');
  });

  it('reads the comparison a list item makes with an earlier dated figure ("…, up from £19.8 million in 2016")', () => {
    const [level, earlier] = levelsIn('Revenue: £22.4 million, up from £19.8 million in 2016', 0, undefined, { year: '2019' });
    expect(level).toMatchObject({ measure: 'revenue', value: 22.4e6, year: 2019 });
    expect(earlier).toMatchObject({ measure: 'revenue', value: 19.8e6, year: 2016, compared: true });
    // Words that disagree with the numbers ("up" to a lower figure) are no comparison.
    expect(levelsIn('Revenue: £22.4 million, up from £25.1 million in 2016', 0, undefined, { year: '2019' })).toHaveLength(1);
    // A year the item sets its figure against ("up 1.2% from 2017") is not the item's own.
    expect(levelsIn('Revenue of $11.4 million, up 1.2% from 2017;', 0, undefined, { year: '2018' })).toEqual([
      expect.objectContaining({ measure: 'revenue', value: 11.4e6, year: 2018 }),
    ]);
  });

  it('dates nothing from a list without a dated lead, or one that looks ahead', () => {
    const undated = changesOf(snapshots('Before the decision, the business looked like this:', 'After the decision, the results were:'));
    expect(undated.some((q) => /company’s (?:revenue|headcount)/.test(q.prompt))).toBe(false);
    const forecast = changesOf(
      snapshots('In 2019, the last full year before the decision, the business looked like this:', 'The plan projected for 2024:'),
    );
    // The 2019 list still dates its own comparison ("up from £19.8 million in 2016"); nothing reaches 2024.
    expect(forecast.some((q) => /2024/.test(q.prompt))).toBe(false);
    expect(forecast.some((q) => /company’s revenue change between 2016 and 2019/.test(q.prompt))).toBe(true);
  });

  it('names financial years as the article does (blind review v14: "the years are really the years to March")', () => {
    const toMarch = changesOf(
      snapshots('For the year to March 2019 the company reported:', 'For the year to March 2024 the company reported:'),
    );
    expect(toMarch.find((q) => /company’s revenue.*2024\?$/.test(q.prompt))?.prompt).toBe(
      'From the article’s figures, by about what percentage did the company’s revenue change between the years to March 2019 and March 2024?',
    );
    const mixed = changesOf(snapshots('In fiscal 2019 the company reported:', 'By 2024 the results were:'));
    expect(mixed.find((q) => /company’s revenue.*2024\?$/.test(q.prompt))?.prompt).toMatch(/between fiscal 2019 and 2024\?$/);
  });
});

describe('a level told amount first ("earned $6.8 million in revenue in 2022")', () => {
  it('reads the amount before the measure after a verb of earning, never a part of the measure', () => {
    expect(levelsIn('Switchback earned $6.8 million in revenue in 2022.', 0)).toEqual([
      expect.objectContaining({ measure: 'revenue', value: 6.8e6, kind: '$', year: 2022 }),
    ]);
    expect(levelsIn('In 2021 the mill generated about €14 million of sales.', 0)).toEqual([
      expect.objectContaining({ measure: 'sales', value: 14e6, kind: '€', year: 2021 }),
    ]);
    // "wholesale revenue" is part of the measure, and an amount with no verb of earning is no level.
    expect(levelsIn('In 2023 the group earned $2 million in wholesale revenue.', 0)).toEqual([]);
    expect(levelsIn('In 2023 it spent $2 million in revenue bonds.', 0)).toEqual([]);
  });
});

describe('a table with the years across its header', () => {
  const table = {
    header: ['Measure', '2022', '2024'],
    rows: [
      ['Revenue', '$31.4M', '$36.2M'],
      ['Staff turnover', '21%', '10%'],
      ['Open positions', '7', '2'],
    ],
  };

  it('reads a figure with a written scale ("$31.4M") and the two years of each row', () => {
    const levels = tableLevels(table, 3);
    expect(levels.filter((l) => l.measure === 'revenue').map((l) => [l.year, l.value])).toEqual([
      [2022, 31.4e6],
      [2024, 36.2e6],
    ]);
  });

  it('reads "2023 actual" as a year and leaves a forecast column out; a figure two tables repeat counts once', () => {
    const levels = tableLevels(
      {
        header: ['', '2021', '2022', '2023 forecast (May)'],
        rows: [['Revenue', '31.5', '33.8', '19.6']],
      },
      0,
    );
    expect(levels.map((l) => l.year)).toEqual([2021, 2022]);
    expect(
      tableLevels({ header: ['', '2022', '2023 actual', '2024 actual'], rows: [['Revenue', '33.8', '20.4', '21.9']] }, 1).map(
        (l) => l.year,
      ),
    ).toEqual([2022, 2023, 2024]);
    // The same with the years down a column.
    expect(
      tableLevels(
        {
          header: ['Year', 'Revenue'],
          rows: [
            ['2022', '33.8'],
            ['2023 actual', '20.4'],
            ['2024 forecast', '25.0'],
          ],
        },
        1,
      ).map((l) => l.year),
    ).toEqual([2022, 2023]);
    // A header that is neither a year nor a forecast of one: the table is not one of years.
    expect(tableLevels({ header: ['', '2022', 'Change'], rows: [['Revenue', '33.8', '20.4']] }, 1)).toEqual([]);
    const text = [
      '# Tallow Wheels: After the Boom',
      '',
      '## Background',
      '',
      'Tallow Wheels makes carbon bicycle wheels in Oregon and sells them through dealers across North America. Its sales boomed in the pandemic and then fell away as dealers cut their orders and worked through the stock they had bought.',
      '',
      '| | 2020 | 2021 | 2022 | 2023 forecast |',
      '|---|---|---|---|---|',
      '| Revenue | 22.7 | 31.5 | 33.8 | 19.6 |',
      '| Gross margin | 45% | 46% | 41% | 29% |',
      '',
      '## Results',
      '',
      'The company cut its costs and sold more wheels directly to riders. Its results improved in 2024.',
      '',
      '| | 2022 | 2023 actual | 2024 actual |',
      '|---|---|---|---|',
      '| Revenue | 33.8 | 20.4 | 27.9 |',
      '| Gross margin | 41% | 30% | 35% |',
    ].join('\n');
    const asked = changesOf(text);
    expect(asked.some((q) => /revenue change between 2020 and 2024/.test(q.prompt))).toBe(true);
    for (const q of asked) expect(q.prompt).not.toMatch(/2023 forecast/);
    // The 2022 figures are in both tables: read once, each series has one value a year and the two
    // results are compared (revenue 22.7 → 27.9, gross margin 45% → 35%).
    const parsed = parseCaseStudy(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const compared = generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .find((q): q is Choice => q.family === 'comparison' && q.type === 'single_choice');
    expect(compared?.prompt).toBe(
      'From the article’s figures, how did the company’s revenue and gross margin change between 2020 and 2024?',
    );
    expect(compared!.options[compared!.answer]).toBe('Revenue rose while gross margin fell.');
  });

  it('names a row without the unit its label gives, and asks a multiple as what the figure grew to (blind review v14, c20)', () => {
    const text = [
      '# Cumber Pharmacies: Beyond the Counter',
      '',
      '## Background',
      '',
      'Cumber Pharmacies runs four independent drugstores in rural Tennessee. Payments for prescriptions fell year after year, and the owners looked for work that insurers did not set the price of, starting with the services their pharmacists were already trained to give.',
      '',
      '## Results',
      '',
      'The owners added vaccinations, medication reviews and care-home supply, closed their weakest store, and reported the results to their bank at the end of 2024, three years after they began.',
      '',
      '| Measure | 2021 | 2024 |',
      '|---|---|---|',
      '| Clinical services revenue ($M) | 0.6 | 1.9 |',
      '| Stores | 5 | 4 |',
    ].join('\n');
    const clinical = changesOf(text).find((q) => /Clinical services revenue/.test(q.prompt));
    expect(clinical?.prompt).toBe('From the article’s table, how did the “Clinical services revenue” figure change between 2021 and 2024?');
    // 0.6 → 1.9 is 3.2 times: the options say what it grew to.
    expect(clinical!.options[clinical!.answer]).toBe('Grew to about 3 times its 2021 level.');
  });

  it('asks how a row changed between its two years, though both figures sit in one row', () => {
    const text = [
      '# Brightmoor Clinics: Fixing the Rota',
      '',
      '## Background',
      '',
      'Brightmoor Clinics runs eleven physiotherapy clinics around Leeds. In 2022 it could not keep its staff, and patients waited three weeks for a first appointment.',
      '',
      'Its directors rewrote the rota, hired assistants for routine work and opened on Saturdays in the largest clinics.',
      '',
      '## Results',
      '',
      'The changes took two years to settle, and the directors published a comparison for their staff.',
      '',
      '| Measure | 2022 | 2024 |',
      '|---|---|---|',
      ...table.rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      'Patients now wait five days for a first appointment.',
    ].join('\n');
    const changes = changesOf(text);
    expect(changes.length).toBeGreaterThanOrEqual(1);
    for (const q of changes) expect(q.prompt).toMatch(/^From the article’s table, .* between 2022 and 2024\?$/);
    // A business result by its name, another row by its label (blind review v14, a19: "the “EBITDA ($M)” figure").
    expect(changes.some((q) => /did the company’s revenue change/.test(q.prompt))).toBe(true);
    expect(changes.some((q) => /did the “Open positions” figure change/.test(q.prompt))).toBe(true);
    // With a second table, "the article's table" would not say which (blind review v14, a19).
    const twoTables = text.replace(
      'Patients now wait five days for a first appointment.',
      'Patients now wait five days for a first appointment.\n\n| Clinic | Staff |\n|---|---|\n| Headingley | 14 |\n| Roundhay | 11 |',
    );
    const again = changesOf(twoTables);
    expect(again.length).toBe(changes.length);
    for (const q of again) expect(q.prompt).toMatch(/^From the article’s figures, /);
    // Both figures sit in one row of the table: the source quotes it once.
    for (const q of changes) expect(q.source.split(' … ')).toHaveLength(1);
    const turnover = changes.find((q) => /Staff turnover/.test(q.prompt));
    // 21% → 10% is 11 points less.
    if (turnover) expect(turnover.options[turnover.answer]).toMatch(/^Fell by about 1[01] percentage points\.$/);
  });
});

describe('two measures read together (comparison)', () => {
  const compare = (text: string) => {
    const parsed = parseCaseStudy(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .filter((q): q is Choice => q.family === 'comparison' && q.type === 'single_choice');
  };
  const dated = (after: string) =>
    snapshots('In 2019, the last full year before the decision, the business looked like this:', 'By 2024 the results were:').replace(
      '- Headcount: 182, down from 240',
      after,
    );

  it('asks how two measures given for the same two years moved, keyed from the four figures (revenue up while headcount fell)', () => {
    const [q] = compare(dated('- Headcount: 182, down from 240'));
    expect(q?.prompt).toBe('From the article’s figures, how did the company’s revenue and headcount change between 2019 and 2024?');
    expect(q!.options[q!.answer]).toBe('Revenue rose while headcount fell.');
    expect([...q!.options].sort()).toEqual(
      [
        'Revenue fell and headcount fell.',
        'Revenue fell while headcount rose.',
        'Revenue rose and headcount rose.',
        'Revenue rose while headcount fell.',
      ].sort(),
    );
    expect(q!.level).toBe('analyze');
  });

  it('asks nothing when a move is too small to call either way (240 → 236), or when both moved the same way (blind review v14: "no reader would pick a fall")', () => {
    expect(compare(dated('- Headcount: 236'))).toHaveLength(0);
    expect(compare(dated('- Headcount: 300'))).toHaveLength(0);
  });

  it('never sets one measure against another name for it ("revenue" and "sales")', () => {
    expect(
      compare(
        dated('- Sales: £28.0 million').replace('- Headcount: 240, of whom 170 worked on the braiding floor', '- Sales: £21.0 million'),
      ),
    ).toHaveLength(0);
  });
});
