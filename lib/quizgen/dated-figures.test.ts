import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import {
  changeCandidates,
  changeIn,
  comparisonCandidates,
  levelsIn,
  snapshotLevels,
  tableLevels,
  trendCandidates,
} from './families-change';
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
    const revenue = changes.find((q) => /revenue rise between 2019 and 2024/.test(q.prompt));
    expect(revenue?.prompt).toBe(
      'From the article’s figures, by about what percentage did the company’s revenue rise between 2019 and 2024?',
    );
    // £22.4m → £31.9m is 42% more: 40 would be more than a point and a half off (blind review v14, c21).
    expect(revenue!.options[revenue!.answer]).toBe('42%');
    // 240 → 182 is read too, but a headcount's change alone is a side fact (blind review v18c, b49 and
    // c49): it is asked against revenue, which rose while it fell.
    expect(changes.filter((q) => /headcount/.test(q.prompt))).toEqual([]);
    const parsed = parseCaseStudy(
      snapshots('In 2019, the last full year before the decision, the business looked like this:', 'By 2024 the results were:'),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const compared = generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .find((q): q is Choice => q.family === 'comparison' && /revenue and headcount/.test(q.prompt));
    expect(compared?.options[compared.answer]).toBe('Revenue rose while headcount fell.');
  });

  it('dates a figure "against £21.3 million in 2023" by its list’s lead, never by the compared year (blind review v18k, a58: a wrong key)', () => {
    const levels = levelsIn('Revenue reached £27.8 million, against £21.3 million in 2023.', 0, undefined, { year: '2024' }).map((l) => [
      l.value,
      l.year,
    ]);
    expect(levels).toEqual([
      [27.8e6, 2024],
      [21.3e6, 2023],
    ]);
    const changes = changesOf(
      snapshots(
        'In 2019, the last full year before the decision, the business looked like this:',
        'The financial picture by the end of 2024:',
      ).replace('- Revenue: £31.9 million', '- Revenue reached £31.9 million, against £27.5 million in 2023.'),
    ).map((q) => `${q.prompt} ${q.options[q.answer]}`);
    // £22.4m → £31.9m is 42% more, between 2019 and 2024; nothing is dated 2023 but the compared figure.
    expect(changes).toContain(
      'From the article’s figures, by about what percentage did the company’s revenue rise between 2019 and 2024? 42%',
    );
    // A name of several words ending on a plural takes the apostrophe alone.
    expect(
      changesOf(
        snapshots('In 2019, the last full year before the decision, the business looked like this:', 'By 2024 the results were:').replace(
          /Pellworth Ropes/g,
          'Pellworth Rope Works',
        ),
      ).some((q) => /Works’s/.test(q.prompt)),
    ).toBe(false);
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

  it('dates a list by its paragraph when the paragraph opens on one year and the lead names none ("In the year to March 2019, … The figures looked like this:")', () => {
    const changes = changesOf(
      snapshots(
        'In the financial year to March 2019, Pellworth had 240 staff and two plants. The figures looked like this:',
        'In the financial year to March 2024, the board sent its bank a summary. The figures looked like this:',
      ),
    );
    expect(changes.find((q) => /company’s revenue/.test(q.prompt))?.prompt).toBe(
      'From the article’s figures, by about what percentage did the company’s revenue rise between the years to March 2019 and March 2024?',
    );
    // A year the paragraph gives for something else ("founded in 1990") dates no list.
    const founded = changesOf(
      snapshots('Pellworth was founded in 1990 by two sailmakers. The figures looked like this:', 'By 2024 the results were:'),
    );
    expect(founded.some((q) => /1990/.test(q.prompt))).toBe(false);
  });

  it('dates nothing from a list without a dated lead, or one that looks ahead', () => {
    const undated = changesOf(snapshots('Before the decision, the business looked like this:', 'After the decision, the results were:'));
    expect(undated.some((q) => /company’s (?:revenue|headcount)/.test(q.prompt))).toBe(false);
    const forecast = changesOf(
      snapshots('In 2019, the last full year before the decision, the business looked like this:', 'The plan projected for 2024:'),
    );
    // The 2019 list still dates its own comparison ("up from £19.8 million in 2016"); nothing reaches 2024.
    expect(forecast.some((q) => /2024/.test(q.prompt))).toBe(false);
    expect(forecast.some((q) => /company’s revenue rise between 2016 and 2019/.test(q.prompt))).toBe(true);
  });

  it('names financial years as the article does (blind review v14: "the years are really the years to March")', () => {
    const toMarch = changesOf(
      snapshots('For the year to March 2019 the company reported:', 'For the year to March 2024 the company reported:'),
    );
    expect(toMarch.find((q) => /company’s revenue.*2024\?$/.test(q.prompt))?.prompt).toBe(
      'From the article’s figures, by about what percentage did the company’s revenue rise between the years to March 2019 and March 2024?',
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

  it('reads dollars of other countries ("C$64 million"), and never another company’s figure ("Ridgeway’s stores had generated …", b3)', () => {
    expect(levelsIn('In 2023 Tamarack had sales of C$7.52 million.', 0)).toEqual([
      expect.objectContaining({ measure: 'sales', value: 7.52e6, kind: 'C$', year: 2023 }),
    ]);
    expect(levelsIn('Ridgeway’s stores had generated C$64 million in revenue in 2023 but only break-even profit.', 0)).toEqual([]);
    expect(levelsIn('Ridgeway’s stores had generated $64 million in revenue in 2023.', 0)).toEqual([]);
    expect(levelsIn('In 2023 the company’s stores generated C$64 million in revenue.', 0)).toEqual([
      expect.objectContaining({ measure: 'revenue', value: 64e6, kind: 'C$', year: 2023 }),
    ]);
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
    expect(asked.some((q) => /revenue rise between 2020 and 2024/.test(q.prompt))).toBe(true);
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
    const clinical = changesOf(text).find((q) => /clinical services revenue/.test(q.prompt));
    expect(clinical?.prompt).toBe('From the article’s table, how did the clinical services revenue change between 2021 and 2024?');
    // 0.6 → 1.9 is 3.2 times: the options say what it grew to.
    expect(clinical!.options[clinical!.answer]).toBe('Grew to about 3 times the 2021 level.');
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
    expect(changes.some((q) => /did the company’s revenue rise/.test(q.prompt))).toBe(true);
    // A row of whole numbers is a count, whose change was trivia in every review (v18f, v19b): not asked.
    expect(changes.some((q) => /open positions/.test(q.prompt))).toBe(false);
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
    if (turnover) expect(turnover.options[turnover.answer]).toMatch(/^1[01] percentage points$/);
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

describe('a table row named as a sentence would name it', () => {
  const article = (rows: string[], corner = 'Measure') =>
    [
      '# Fenmoor Services: Selling Uptime',
      '',
      '## Background',
      '',
      'Fenmoor Services repairs industrial boilers across the north of England. Its owners wanted steadier work than emergency callouts, and in 2019 they began to sell maintenance contracts to the factories that Kiro Insurance already covered.',
      '',
      '## Results',
      '',
      'By 2024 the contracts paid for most of the technicians, and the bank asked for the figures. The owners sent them with a short letter that explained where the money had gone and which factories had signed for a second term.',
      '',
      `| ${corner} | 2019 | 2024 |`,
      '|---|---|---|',
      ...rows,
    ].join('\n');
  const prompts = (rows: string[], corner?: string) => changesOf(article(rows, corner)).map((q) => q.prompt);
  // A count's change is not asked (blind reviews v18f, v19b: trivia); its path over three years is, and named so.
  const trendPrompts = (rows: string[]) =>
    singleChoiceCandidates(
      trendCandidates,
      article(rows).replace('| 2019 | 2024 |\n|---|---|---|', '| 2019 | 2021 | 2024 |\n|---|---|---|---|'),
    ).map((q) => q.prompt);

  it('counts a row of whole numbers, in the article’s own case: "the number of service technicians"', () => {
    expect(trendPrompts(['| Service Technicians | 38 | 30 | 61 |'])).toEqual([
      'From the article’s table, how did the number of service technicians change over 2019, 2021 and 2024?',
    ]);
    // A word the article writes capitalised inside its sentences, and never in lower case, is a name.
    expect(trendPrompts(['| Kiro contracts | 40 | 31 | 95 |'])[0]).toMatch(/did the number of Kiro contracts change/);
    expect(prompts(['| Service Technicians | 38 | 61 |'])).toEqual([]);
  });

  it('calls an amount "the figure for …", a plural share "the share of …", and a singular measure "the …"', () => {
    // Money in the label's unit or in the table's corner: an amount, not a count of pallets.
    expect(prompts(['| Roaster bad debts ($000) | 60 | 31 |'])[0]).toMatch(/did the figure for roaster bad debts fall/);
    expect(prompts(['| New boilers | 22.1 | 17.4 |'], 'Business line ($M)')[0]).toMatch(/did the figure for new boilers fall/);
    expect(prompts(['| Contracts under one year | 18% | 29% |'])[0]).toMatch(/did the share of contracts under one year rise/);
    expect(prompts(['| Average callout price | €220 | €318 |'])[0]).toMatch(/did the average callout price rise/);
    // A rate is named as it stands (blind review v17e, a42: "the figure for tonnes per cfs").
    expect(prompts(['| Repairs per technician | 16.5 | 21.8 |'])[0]).toMatch(/did repairs per technician rise/);
  });

  it('names a row by the measure its table’s corner gives, asks no "of which" part, and lets rows after "Total" be measures of their own (blind review v15, a29, c29)', () => {
    const byLine = (rows: string[]) => prompts(rows, 'Revenue ($ millions)');
    expect(byLine(['| Promotional and custom | 3.6 | 4.9 |'])[0]).toMatch(/did the promotional and custom revenue rise/);
    expect(byLine(['| Boilers | 22.1 | 17.4 |', '| of which exports | 3.7 | 7.0 |'])).toEqual([
      expect.stringMatching(/did the boilers revenue fall/),
    ]);
    const after = byLine(['| Boilers | 22.1 | 17.4 |', '| **Total** | **25.8** | **24.4** |', '| Vans leased ($M) | 2.1 | 1.6 |']);
    expect(after.some((p) => /did the figure for vans leased fall/.test(p))).toBe(true);
    expect(after.some((p) => /vans leased revenue/.test(p))).toBe(false);
  });

  it('counts the noun before a participle ("Stores supplied" → "the number of stores supplied")', () => {
    expect(trendPrompts(['| Stores supplied | 410 | 455 | 305 |'])[0]).toMatch(/did the number of stores supplied change/);
  });

  it('keeps the quotation marks for a label no phrase can hold: a comma, or a residue ("Other …")', () => {
    expect(prompts(['| Overdraft drawn, year-end | 4.2 | 2.4 |'])[0]).toMatch(/did the “Overdraft drawn, year-end” figure fall/);
    expect(prompts(['| Other services | 3.7 | 7.0 |'])[0]).toMatch(/did the “Other services” figure rise/);
  });
});

describe('figures a sentence gives beside other things', () => {
  const read = (sentence: string) => levelsIn(sentence, 0).map((l) => [l.measure, l.value, l.year]);

  it('reads a whole-year figure though a later clause names part of the year ("with a loss in the second half")', () => {
    expect(
      read('For the year to March 2023, revenue was £15.9 million and EBITDA fell to £0.3 million, with a loss in the second half.'),
    ).toEqual([
      ['revenue', 15.9e6, 2023],
      ['EBITDA', 0.3e6, 2023],
    ]);
    // Part of a year that dates the figure itself is still no whole year (blind review v10).
    expect(read('In the first half of 2025 the margin was 33%.')).toEqual([]);
    expect(read('Revenue was £8 million in the first half of 2025.')).toEqual([]);
  });

  it('reads "Company EBITDA" and "Group revenue" as the whole measure, but "Site-level EBITDA" as a part of it', () => {
    expect(read('In 2023 company EBITDA was $6.5 million.')).toEqual([['EBITDA', 6.5e6, 2023]]);
    expect(read('In 2023 group revenue was £41 million.')).toEqual([['revenue', 41e6, 2023]]);
    expect(read('In 2023 site-level EBITDA was $8.9 million.')).toEqual([]);
    // The earlier figure a sentence sets its own against, when it is dated and agrees with the words (b27).
    expect(read('Revenue in 2022 was $46.2 million, up from $39.8 million in 2019.')).toEqual([
      ['revenue', 46.2e6, 2022],
      ['revenue', 39.8e6, 2019],
    ]);
    expect(read('Revenue in 2022 was $46.2 million, down from $39.8 million in 2019.')).toEqual([['revenue', 46.2e6, 2022]]);
    // A word opening the sentence before the measure is a line of business too ("Contract revenue", a34).
    expect(read('Contract revenue was $22.1 million in fiscal 2019.')).toEqual([]);
    // "The profit for the year was …" reads the year's figure (c35), dated by its paragraph.
    expect(read('In 2022 the profit for the year was $11,500.')).toEqual([['profit', 11_500, 2022]]);
    // A line of business named by a gerund is a part too (blind review v16, b30: "vending revenue").
    expect(read('In 2023 the machines averaged $172 a week, for vending revenue of $6.26 million.')).toEqual([]);
  });

  it('keeps a measure’s own final "s" ("operating loss", not "operating los", blind review v15, c24)', () => {
    expect(read('In 2022 the operating loss was $2.1 million.')).toEqual([['operating loss', 2.1e6, 2022]]);
    expect(read('In 2022 revenues were $12.4 million.')).toEqual([['revenue', 12.4e6, 2022]]);
  });

  it('takes no year from a later clause about something else ("…, with cash left from a round raised in 2019", blind review v15, c24)', () => {
    expect(read('The operating loss was $2.1 million, with $6.4 million of cash left from a round raised in 2019.')).toEqual([]);
    // A list item under a dated lead keeps the lead's year.
    expect(
      levelsIn('Operating loss: $2.1 million, with $6.4 million of cash left from a $14 million round raised in 2019', 0, undefined, {
        year: '2022',
      }).map((l) => [l.measure, l.value, l.year]),
    ).toEqual([['operating loss', 2.1e6, 2022]]);
  });

  it('reads a second measure whose verb the sentence leaves out ("revenue recovered to £17.4 million and EBITDA to £1.9 million")', () => {
    expect(read('In 2024, revenue recovered to £17.4 million and EBITDA to £1.9 million, the highest in a decade.')).toEqual([
      ['revenue', 17.4e6, 2024],
      ['EBITDA', 1.9e6, 2024],
    ]);
    // …and with no "to" at all ("revenue reached £2.31 million and operating profit £352,000").
    expect(read('In 2025, revenue reached £2.31 million and operating profit £352,000, a margin of 15.2%.')).toEqual([
      ['revenue', 2.31e6, 2025],
      ['margin', 15.2, 2025],
      ['operating profit', 352000, 2025],
    ]);
    // "to" without a verb before it in the sentence is no level ("EBITDA to £1.9 million" alone).
    expect(read('In 2024 the lenders lent EBITDA to £1.9 million of projects.')).toEqual([]);
  });

  it('reads a measure the article names by its initials, once it has spelt them out ("annual recurring revenue (ARR)")', () => {
    const text = [
      '# Brightline Software: Pricing by the Door',
      '',
      '## The Company',
      '',
      'Brightline sells software to landlords who run rental flats. By the end of 2022 Brightline had 3,140 paying customers and annual recurring revenue (ARR) of $22.6 million. Its founders priced it by the user, which their largest customers learned to avoid by sharing logins.',
      '',
      '## The Results',
      '',
      'The company moved every customer to a price per rental unit over eighteen months, capping each increase at 30 percent a year. By December 2024 ARR had reached $30.1 million, and the founders said the invoices finally made sense to their customers.',
    ].join('\n');
    const arr = changesOf(text).find((q) => /recurring revenue/.test(q.prompt));
    expect(arr?.prompt).toBe(
      'From the article’s figures, by about what percentage did Brightline’s annual recurring revenue rise between 2022 and 2024?',
    );
    // $22.6m → $30.1m is 33% more.
    expect(arr!.options[arr!.answer]).toBe('33%');
  });
});

describe('a path over financial years', () => {
  it('names the years as the article does: "over the years to March 2022, 2023 and 2024"', () => {
    const text = [
      '# Fenwick Growers: A Winter of Dear Gas',
      '',
      '## Before the Shock',
      '',
      'Fenwick Growers raises cut flowers under heated glass in Lincolnshire for supermarkets and florists. For the year to March 2022, Fenwick reported EBITDA of £1.6 million on a stable gas contract.',
      '',
      '## The Winter',
      '',
      'When its gas contract ended, the price it was quoted tripled, and the board stopped heating half of its glass for the winter. For the year to March 2023, EBITDA fell to £0.3 million, with a loss in the second half.',
      '',
      '## The Recovery',
      '',
      'Fenwick added thermal screens and bought its energy in tranches up to two years ahead. In the year to March 2024, EBITDA recovered to £1.9 million, the highest in its history.',
    ].join('\n');
    const [trend] = singleChoiceCandidates(trendCandidates, text);
    expect(trend?.prompt).toBe('From the article’s figures, how did Fenwick’s EBITDA change over the years to March 2022, 2023 and 2024?');
    expect(trend!.options[trend!.answer]).toBe('Fell, then rose, ending above its 2022 level.');
    // The fall from 2022 to 2023, asked in the lesson before, would give the path's first step away
    // (blind review v15, c23): the quiz does not ask both.
    const parsed = parseCaseStudy(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const prompts = generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .map((q) => q.prompt);
    const fall = prompts.some((p) => /EBITDA fall between the years to March 2022 and March 2023/.test(p));
    expect(fall).toBe(true);
    expect(prompts.some((p) => /EBITDA change over the years to March 2022, 2023 and 2024/.test(p))).toBe(false);
  });
});

describe('the case’s own name in the possessive', () => {
  it('reads "Dunmore’s revenue in 2016" as the case’s own figure, and a rival’s as none', () => {
    const text = (owner: string) =>
      [
        '# Dunmore Lanes: Bowling for a New Crowd',
        '',
        '## Background',
        '',
        `Dunmore Lanes runs bowling centres around Pittsburgh, and its leagues were shrinking every season. ${owner} revenue in 2016 was $9.6 million, and Dunmore Lanes had five centres with 168 lanes between them.`,
        '',
        '## Results',
        '',
        'The family rebuilt its largest centre with fewer lanes, a bar and a kitchen, and sold its weakest one to a local operator. In 2019 Dunmore Lanes reported revenue of $12.4 million, and the rebuilt centre took more from food than from bowling. The leagues that stayed moved to the older centres nearby.',
      ].join('\n');
    expect(changesOf(text('Dunmore’s')).some((q) => /revenue rise between 2016 and 2019/.test(q.prompt))).toBe(true);
    expect(changesOf(text('Strikeworks’s')).some((q) => /revenue rise between 2016 and 2019/.test(q.prompt))).toBe(false);
  });
});

describe('a figure dated by its paragraph', () => {
  const article = (results: string) =>
    [
      '# Carrow Reporting: Covering Every Deposition',
      '',
      '## Background',
      '',
      'Carrow Reporting sends court reporters to depositions across Colorado and Wyoming. Its reporters were retiring faster than new ones qualified, and jobs went uncovered. Its 2022 numbers:',
      '',
      '- Revenue: $13.8 million',
      '- Operating income: $1.31 million',
      '',
      '## Results',
      '',
      results,
      '',
      'Five reporters left in protest, two of them for a rival agency that promised never to use recorders. The owner said she understood them, and that the firm would keep sending a stenographer wherever one could be found.',
    ].join('\n');

  it('dates a figure with no year by the one time frame its paragraph gives ("By the end of 2024 … Revenue rose to $15.6 million")', () => {
    const changes = changesOf(
      article(
        'By the end of 2024 the uncovered rate had fallen to 1.6%. Carrow handled about 10,300 jobs that year, roughly 1,850 of them recorded digitally. Revenue rose to $15.6 million and operating income to $1.78 million, a margin of 11.4%.',
      ),
    );
    const income = changes.find((q) => /operating income/.test(q.prompt));
    expect(income?.prompt).toMatch(
      /by about what percentage did (?:the company’s |Carrow’s )?operating income rise between 2022 and 2024\?$/,
    );
    // $1.31m → $1.78m is 35.9% more: about 36%.
    expect(income!.options[income!.answer]).toBe('36%');
    // "ended 2024 with …" gives the time frame too.
    expect(
      changesOf(
        article('Carrow ended 2024 with 118 reporters on its roster. Revenue rose to $15.6 million and operating income to $1.78 million.'),
      ).some((q) => /operating income rise between 2022 and 2024/.test(q.prompt)),
    ).toBe(true);
  });

  it('dates nothing by a year that is no time frame ("founded in 1989"), nor in a paragraph of two years', () => {
    const founded = changesOf(
      article('Carrow was founded in 1989 by a court reporter. Revenue rose to $15.6 million and operating income to $1.78 million.'),
    );
    expect(founded.some((q) => /operating income/.test(q.prompt))).toBe(false);
    const two = changesOf(
      article(
        'By the end of 2024 the uncovered rate had fallen to 1.6%, from 7.4% in 2023. Revenue rose to $15.6 million and operating income to $1.78 million.',
      ),
    );
    expect(two.some((q) => /operating income/.test(q.prompt))).toBe(false);
  });
});

describe('a paragraph that goes on with a dated snapshot', () => {
  const article = (afterList: string, results: string) =>
    [
      '# Wexcombe Signs: Lighting the High Street',
      '',
      '## Background',
      '',
      'In 2022 Wexcombe employed 64 people in two workshops. Its sales came from three kinds of work:',
      '',
      '- Shop fronts: £4.1 million',
      '- Hospital wayfinding: £2.6 million',
      '- Vehicle livery: £1.5 million',
      '',
      afterList,
      '',
      '## Results',
      '',
      results,
      '',
      'The founder said the numbers mattered less than the two apprentices who stayed on after their training, and that the workshops would keep hiring school leavers from the town rather than fitters from the city.',
    ].join('\n');

  it('dates a paragraph right after a dated list by the list’s year ("Total revenue was …", blind review v15, c27)', () => {
    const changes = changesOf(
      article(
        'Total revenue was £8.2 million. Operating profit was £0.61 million.',
        'By the end of 2024 the workshop ran two shifts. Revenue rose to £9.9 million and operating profit to £0.92 million.',
      ),
    );
    const revenue = changes.find((q) => /revenue/.test(q.prompt));
    expect(revenue?.prompt).toMatch(/by about what percentage did (?:the company’s |Wexcombe’s )?revenue rise between 2022 and 2024\?$/);
    // £8.2m → £9.9m is 20.7% more: about 21%.
    expect(revenue!.options[revenue!.answer]).toBe('21%');
  });

  it('does not carry the list’s year into a paragraph that moves on in time ("A year later …")', () => {
    const changes = changesOf(
      article(
        'A year later revenue was £8.2 million. Operating profit was £0.61 million.',
        'By the end of 2024 the workshop ran two shifts. Revenue rose to £9.9 million and operating profit to £0.92 million.',
      ),
    );
    expect(changes.some((q) => /revenue|operating profit/.test(q.prompt))).toBe(false);
  });

  it('keeps a paragraph’s time frame when its other year is only one a figure is set against ("compared with … in 2022", blind review v15, b26)', () => {
    const dated = changesOf(
      [
        '# Wexcombe Signs: Lighting the High Street',
        '',
        '## Background',
        '',
        'Wexcombe makes illuminated signs for shops, hospitals and fleets from two workshops in the Midlands. In 2022 Wexcombe had revenue of £8.2 million and operating profit of £0.61 million.',
        '',
        '## Results',
        '',
        'In 2024 the workshops fitted 310 shop fronts, compared with 240 in 2022. Revenue rose to £9.9 million and operating profit to £0.92 million.',
        '',
        'The founder said the numbers mattered less than the two apprentices who stayed on after their training, and that the workshops would keep hiring school leavers from the town rather than fitters from the city.',
      ].join('\n'),
    );
    expect(dated.find((q) => /operating profit/.test(q.prompt))?.prompt).toMatch(/operating profit rise between 2022 and 2024\?$/);
  });
});

describe('years a paragraph sets its figures against (blind review v16, c30: a wrong key)', () => {
  const article = (first: string, later: string) =>
    [
      '# Hallow & Pike Awards: Beyond the Club Trophy',
      '',
      '## The Old Business',
      '',
      'Hallow & Pike engraved cups, shields and medals for football clubs, schools and darts leagues from three trade counters. Revenue in 2018 was £6.4 million, most of it from club trophies at thin margins. In 2017 operating profit was £310,000.',
      '',
      first,
      '',
      '## The New Business',
      '',
      'In 2023 revenue reached £7.2 million, and corporate awards had more than doubled.',
      '',
      later,
      '',
      'The chairman turned down a buyer’s approach and says the business is worth more now, and still the family’s own, than it would have been as a line in a distributor’s catalogue.',
    ].join('\n');

  it('dates no figure before a later sentence’s time frame ("Operating profit was £125,000. In 2019 it slipped further, to £38,000")', () => {
    const changes = changesOf(
      article(
        'Overheads came to £1.66 million. Operating profit was £125,000, just under 2 per cent of sales. In 2019 it slipped further, to £38,000 on revenue of £6.1 million.',
        'Overheads had risen to £2.19 million.',
      ),
    );
    // £125,000 is 2018's profit (the paragraph before), never 2019's.
    const profit = changes.filter((q) => /operating profit/.test(q.prompt));
    expect(profit.map((q) => q.source)).not.toContainEqual(expect.stringMatching(/£125,000/));
  });

  it('takes no year from the figure a sentence sets its own against ("four and a half times the 2018 figure", "up ten points on 2018")', () => {
    const changes = changesOf(
      article(
        'Overheads came to £1.66 million, and the warehouse was full of slow-moving stock.',
        'Gross margin was 38.3 per cent, up more than ten points on 2018. Operating profit was £565,000, or 7.8 per cent of sales, roughly four and a half times the 2018 figure.',
      ),
    );
    // "better than in 2019": the year set against is not the figure's (blind review v16, b30).
    expect(levelsIn('Total revenue reached $8.99 million, a margin better than in 2019 on smaller revenue.', 0)).toEqual([]);
    // A year's own figures named so are still that year's ("The 2023 results were painful: revenue fell to …").
    expect(levelsIn('The 2023 results were painful: revenue fell to $29.1 million.', 0).map((l) => [l.measure, l.year])).toEqual([
      ['revenue', 2023],
    ]);
    // £565,000 is 2023's profit, never 2018's (the article dates none of 2023's profit figures).
    expect(changes.filter((q) => /operating profit/.test(q.prompt)).map((q) => q.prompt)).not.toContainEqual(expect.stringMatching(/2018/));
  });
});

describe('one measure told over several years in one sentence, or named by "it"', () => {
  const read = (sentence: string) => levelsIn(sentence, 0).map((l) => [l.measure, l.value, l.year]);

  it('reads each year of a series ("rose to $9.4 million in 2015, $19.8 million in 2016 and $27 million in 2017")', () => {
    expect(read('Revenue rose to $9.4 million in 2015, $19.8 million in 2016 and $27 million in 2017.')).toEqual([
      ['revenue', 9.4e6, 2015],
      ['revenue', 19.8e6, 2016],
      ['revenue', 27e6, 2017],
    ]);
    // "rose from … to …, … and …, before easing to …": each year of the path, and no change of its first two (a51).
    const path =
      'Revenue rose from £3.1 million in 2019 to £3.4 million in 2020, £3.9 million in 2021 and £4.6 million in 2022, before easing to £4.4 million in 2023.';
    expect(read(path)).toEqual([
      ['revenue', 3.1e6, 2019],
      ['revenue', 3.4e6, 2020],
      ['revenue', 3.9e6, 2021],
      ['revenue', 4.6e6, 2022],
      ['revenue', 4.4e6, 2023],
    ]);
    expect(changeIn(path, null)).toBeNull();
    expect(changeIn('Revenue rose from £3.1 million in 2019 to £3.4 million in 2020, a rise the board welcomed.', null)).not.toBeNull();
    expect(read('Gross margin fell to 38 percent in 2021 and 36 percent in 2022, for three reasons.')).toEqual([
      ['gross margin', 38, 2021],
      ['gross margin', 36, 2022],
    ]);
  });

  it('reads a figure that "more than doubled to" its level, in a paragraph that opens on "The 2024 figures" (blind review v16, b31)', () => {
    expect(read('In 2024 operating profit more than doubled to £118,000, a margin of 5.4 per cent.')).toContainEqual([
      'operating profit',
      118_000,
      2024,
    ]);
    const trends = singleChoiceCandidates(
      trendCandidates,
      [
        '# Hallow Lock & Safe: Closing the Night Shift',
        '',
        '## Before',
        '',
        'Hallow fitted locks, safes and door-entry systems across Sheffield from a shop and eleven vans. Revenue was £2.14 million in 2019. In 2023 revenue was £2.91 million, and the night call-outs were losing money.',
        '',
        '## After',
        '',
        'The 2024 figures show both the cost and the gain. Revenue fell to £2.38 million, because the shop closed and night work stopped.',
        '',
        'The owners said they would make the same choice again, because the contracts that replaced the night work paid every month whether or not anyone was locked out.',
      ].join('\n'),
    );
    const trend = trends.find((q) => /revenue change over 2019, 2023 and 2024/.test(q.prompt));
    expect(trend?.options[trend.answer]).toBe('Rose, then fell, ending above its 2019 level.');
  });

  it('reads no series with a year outside it, or of another company', () => {
    expect(read('Revenue reached $41 million in 2020 and $46 million in 2021, against a plan set in 2019.')).toEqual([]);
    expect(read('Boxcar’s revenue reached $41 million in 2020 and $46 million in 2021.')).toEqual([]);
  });

  const article = (results: string) =>
    [
      '# Pellow Refreshments: Rebuilding the Routes',
      '',
      '## Before',
      '',
      'Pellow stocks snack machines in offices, factories and schools around Leeds. In 2019 revenue was £11.8 million, and the routes ran full.',
      '',
      '## The Slump',
      '',
      results,
      '',
      'The owners kept every driver, moved two of them to the factory sites that were still busy, and began to look at self-service markets as the next step. None of them wanted to sell a business their father had built one machine at a time.',
    ].join('\n');

  it('reads "it" as the measure the sentence before opened on ("Revenue fell to … In 2021 it recovered only to …")', () => {
    const trends = singleChoiceCandidates(
      trendCandidates,
      article('Revenue fell to £6.9 million in 2020. In 2021 it recovered only to £7.9 million, though most machines were still in place.'),
    );
    const trend = trends.find((q) => /revenue change over 2019, 2020 and 2021/.test(q.prompt));
    expect(trend?.options[trend.answer]).toMatch(/^Fell, then rose, ending below its 2019 level\.$/);
  });

  it('reads no figure of "it" when the sentence before did not open on a measure', () => {
    const trends = singleChoiceCandidates(
      trendCandidates,
      article('The company closed 40 machines in 2020 as revenue fell. In 2021 it reached £7.9 million with fewer machines.'),
    );
    expect(trends).toEqual([]);
  });
});

describe('a table of one year, dated by its caption (blind review v16, a33)', () => {
  const table = (total: string) => ({
    header: ['', 'Bulk', 'Retail', total],
    rows: [
      ['Volume', '4,800 cords', '240,000 bundles', '6,400 cords'],
      ['Revenue', '$1,488,000', '$984,000', '$2,472,000'],
      ['Contribution', '$360,000', '$504,000', '$864,000'],
      ['Operating profit', '', '', '$162,000 (6.6%)'],
    ],
  });
  const read = (caption: string, total = 'Total') => snapshotLevels(table(total), caption, 0).map((l) => [l.measure, l.value, l.year]);

  it('reads each business result of the "Total" column at the caption’s year', () => {
    expect(read('Exhibit 1: Channel economics, fiscal 2021')).toEqual([
      ['revenue', 2_472_000, 2021],
      ['operating profit', 162_000, 2021],
    ]);
  });

  it('reads nothing from a caption that looks ahead or weighs options, names two years or none, or a table with no total', () => {
    expect(read('Exhibit 3: Plan for fiscal 2025')).toEqual([]);
    expect(read('Exhibit 4: Option B, projected 2026')).toEqual([]);
    expect(read('Exhibit 5: Channel economics, 2021 and 2023')).toEqual([]);
    expect(read('Exhibit 6: Channel economics')).toEqual([]);
    expect(read('Exhibit 1: Channel economics, fiscal 2021', 'Wholesale')).toEqual([]);
  });

  it('sets a captioned table’s figures against the same measure told elsewhere, and asks the path', () => {
    const trends = singleChoiceCandidates(
      trendCandidates,
      [
        '# Lindvall Firewood: Kiln Time Is Money',
        '',
        '## The Business',
        '',
        'Lindvall split and dried firewood for households around Price County from 1987. Margit Lindvall joined in 1998 and took over in 2009, when the company had annual revenue of about $900,000 and sold almost nothing but cords delivered by truck.',
        '',
        '**Exhibit 1: Channel economics, fiscal 2021**',
        '',
        '| | Bulk | Retail | Total |',
        '|---|---|---|---|',
        '| Revenue | $1,488,000 | $984,000 | $2,472,000 |',
        '| Operating profit | | | $162,000 (6.6%) |',
        '',
        '## The Contract',
        '',
        'The 2022 pilot shipped on time, and 2022 revenue reached $2.71 million with operating profit of $241,000.',
        '',
        '**Exhibit 2: Channel economics, fiscal 2023**',
        '',
        '| | Bulk | Retail | Total |',
        '|---|---|---|---|',
        '| Revenue | $954,750 | $1,020,000 | $3,129,750 |',
        '',
        'The kiln ran full all year, and the owners began to talk about a second one.',
      ].join('\n'),
      [1],
    );
    const revenue = trends.find((q) => /revenue change over fiscal 2021, 2022 and 2023\?$/.test(q.prompt));
    // 2009's figure lies outside the path's years and does not stop it.
    expect(revenue?.options[revenue.answer]).toBe('Kept rising, ending above its 2021 level.');
  });
});

describe('an amount of another year named to compare (blind review v16, c34: a wrong key)', () => {
  const article = [
    '# Brightfield Sauces: Chasing the Warehouse Clubs',
    '',
    '## Before',
    '',
    'By 2020 the company had moved into its own kitchen and employed 23 people. Revenue that year was $3.1 million, split across three channels.',
    '',
    '## After',
    '',
    'In 2024 Brightfield sold 165,000 packs to the clubs. Direct sales reached $1.6 million and specialty $2.2 million, for total revenue of $6.18 million, almost exactly double the $3.1 million of 2020.',
    '',
    'The founders said they would never again let one buyer take a third of the business, however good the first year looked.',
  ].join('\n');

  it('dates the figure by its paragraph, never by the year of the amount it is compared with', () => {
    expect(
      levelsIn('Direct sales reached $1.6 million, for total revenue of $6.18 million, almost exactly double the $3.1 million of 2020.', 0),
    ).toEqual([]);
    const revenue = changesOf(article).filter((q) => /revenue/.test(q.prompt));
    expect(revenue.map((q) => q.prompt)).toEqual([
      expect.stringMatching(/by about what percentage did (?:Brightfield’s )?revenue rise between 2020 and 2024\?$/),
    ]);
    // $3.1m → $6.18m is 99.4% more.
    expect(revenue[0]!.options[revenue[0]!.answer]).toBe('99%');
  });
});

describe('the columns before a total are its parts (blind review v16, a34: "the residential fall")', () => {
  it('names each part by the total’s measure: "the residential revenue"', () => {
    const levels = tableLevels(
      {
        header: [
          'Fiscal year',
          'Subscribers',
          'Contract ($M)',
          'Residential ($M)',
          'Total revenue ($M)',
          'Gross margin',
          'Operating income ($M)',
        ],
        rows: [
          ['2019', '1,980', '22.1', '16.3', '38.4', '31.0%', '2.3'],
          ['2021', '1,850', '19.2', '14.7', '33.9', '26.5%', '(0.8)'],
        ],
      },
      0,
    );
    const of = (label: string) => [...new Set(levels.filter((l) => l.label === label).map((l) => l.of ?? null))];
    expect(of('Residential ($M)')).toEqual(['revenue']);
    expect(of('Contract ($M)')).toEqual(['revenue']);
    expect(of('Total revenue ($M)')).toEqual([null]);
    expect(of('Gross margin')).toEqual([null]);
    // A count beside them is no part of the money (v16, a36: "the institutional subscribers revenue").
    expect(of('Subscribers')).toEqual([null]);
  });
});

describe('a time frame that goes on into the next paragraphs (blind review v16, b34)', () => {
  const article = (middle: string) =>
    [
      '# Calder Auctions: Going Online',
      '',
      '## Before',
      '',
      'Calder ran two live car auctions a year at a county fairground. Revenue for 2019 came to $13.12 million, and the company earned an operating profit of about $2.7 million.',
      '',
      '## The First Year',
      '',
      'The first year was not pretty. In 2023 the fall sale drew 620 consignments and sold 480 cars.',
      '',
      middle,
      '',
      'Total revenue was $10.42 million, lower than in the loss-making year of 2022.',
      '',
      'The family said the dip had been expected, and that a board judging the plan on one year alone would have abandoned it.',
    ].join('\n');

  it('dates a paragraph that names no time of its own by the frame two paragraphs back, never by a year it compares with', () => {
    const revenue = changesOf(article('The online sale listed 1,900 cars and sold 1,330 of them.')).filter((q) => /revenue/.test(q.prompt));
    expect(revenue.map((q) => q.prompt)).toEqual([
      expect.stringMatching(/by about what percentage did (?:Calder’s )?revenue fall between 2019 and 2023\?$/),
    ]);
    // $13.12m → $10.42m is 20.6% less: about 20%.
    expect(revenue[0]!.options[revenue[0]!.answer]).toBe('20%');
  });

  it('carries no frame past a paragraph that moves on in time, and reads no other company’s figure', () => {
    expect(changesOf(article('Two years later the online sale listed 1,900 cars.')).filter((q) => /revenue/.test(q.prompt))).toEqual([]);
    const other = changesOf(
      article('The online sale listed 1,900 cars and sold 1,330 of them.').replace(
        'Total revenue was $10.42 million, lower than in the loss-making year of 2022.',
        'Mecum Motors, a rival in Ohio, had revenue of $10.42 million.',
      ),
    );
    expect(other.filter((q) => /revenue/.test(q.prompt))).toEqual([]);
  });

  it('takes no year from the one a figure is set against ("than in the loss-making year of 2022", "back to where it had been in 2019", "not quite the 2019 figure")', () => {
    expect(levelsIn('Total revenue was $10.42 million, lower than in the loss-making year of 2022.', 0)).toEqual([]);
    expect(levelsIn('Total revenue was $13.12 million, essentially back to where it had been in 2019.', 0)).toEqual([]);
    expect(levelsIn('That left an operating profit of about $2.4 million, not quite the 2019 figure.', 0)).toEqual([]);
  });
});

describe('the rows above a total are its parts (blind review v16, a37: "the figure for monthly permits")', () => {
  it('names each row above "Total revenue" by that measure, and none below it', () => {
    const levels = tableLevels(
      {
        header: ['Item', 'FY2019', 'FY2022', 'FY2025'],
        rows: [
          ['Monthly permits (full)', '10.6', '6.4', '5.7'],
          ['Flex 10 permits', '—', '—', '2.9'],
          ['Transient parking', '14.9', '10.1', '11.8'],
          ['Event parking', '3.2', '3.4', '3.6'],
          ['Management fees', '2.8', '2.6', '4.9'],
          ['Total revenue', '31.5', '22.5', '28.9'],
          ['Operating costs', '26.0', '24.7', '24.2'],
        ],
      },
      0,
    );
    const of = (label: string) => [...new Set(levels.filter((l) => l.label === label).map((l) => l.of ?? null))];
    expect(of('Monthly permits (full)')).toEqual(['revenue']);
    expect(of('Transient parking')).toEqual(['revenue']);
    expect(of('Total revenue')).toEqual([null]);
    expect(of('Operating costs')).toEqual([null]);
    // A row that does not add up with them is no part ("Average contract price" above "Total revenue", a35).
    const priced = tableLevels(
      {
        header: ['', '2021', '2023'],
        rows: [
          ['Pools built', '61', '38'],
          ['Average contract price ($)', '68,000', '76,500'],
          ['Total revenue ($000)', '9,800', '7,600'],
        ],
      },
      0,
    );
    expect([...new Set(priced.filter((l) => l.label === 'Average contract price ($)').map((l) => l.of ?? null))]).toEqual([null]);
  });
});

describe('figures told around a measure of one year (blind review v17a, c38)', () => {
  const article = (results: string) =>
    [
      '# Northway Lifts',
      '',
      '## Background',
      '',
      'Northway Lifts maintains elevators and escalators across the Twin Cities for offices, hospitals and apartment blocks. By 2018 Northway Lifts maintained about 2,100 units. Revenue reached $31.2 million with an EBITDA margin of 24.5 per cent.',
      '',
      '## Results',
      '',
      'The modernization campaign took longer than planned, because building owners approved capital projects once a year, condominium boards needed member votes and hospitals had rules of their own about dust and noise.',
      '',
      results,
    ].join('\n');

  it('reads "Total revenue in 2022 was …" as a claim, not a command, and dates the paragraph it opens by its year', () => {
    const changes = changesOf(
      article(
        'Total revenue in 2022 was $38.0 million. Growth had come mainly from price increases. Profitability had gone the other way, and EBITDA margin fell to 11.8 per cent.',
      ),
    ).map((q) => `${q.prompt} ${q.options[q.answer]}`);
    // $31.2m → $38.0m is 21.8% more; 24.5% → 11.8% is 12.7 points less.
    expect(changes).toContain(
      'From the article’s figures, by about what percentage did Northway Lifts’ revenue rise between 2018 and 2022? 22%',
    );
    expect(changes).toContain(
      'From the article’s figures, by about how many percentage points did Northway Lifts’ EBITDA margin fall between 2018 and 2022? 13 percentage points',
    );
  });

  it('takes "EBITDA was $6.2 million, a margin of 12.6 per cent" for the EBITDA margin', () => {
    const changes = changesOf(
      article('Revenue reached $44.6 million in 2025, and EBITDA was $6.2 million, a margin of 12.6 per cent.'),
    ).map((q) => `${q.prompt} ${q.options[q.answer]}`);
    expect(changes).toContain(
      'From the article’s figures, by about how many percentage points did Northway Lifts’ EBITDA margin fall between 2018 and 2025? 12 percentage points',
    );
  });

  it('reads no part, no line of business and no difference as the company’s figure: "service revenue" (though "service" alone reads as a verb), "that revenue", "$2.8 million above that level" (wrong keys in a19, a43, c45)', () => {
    expect(levelsIn('By 2023, service revenue of $17.1 million earned a 32% gross margin.', 0)).toEqual([]);
    expect(levelsIn('In 2023 contract revenue was $17.1 million.', 0)).toEqual([]);
    // "that revenue" points back at a line of business just named (blind review v17f, a43: a wrong key).
    expect(levelsIn('Its embroidery found customers outside schools, and that revenue reached £1.3 million by 2025.', 0)).toEqual([]);
    // "$2.8 million above that level" is a difference from another figure (blind review v17h, c45: a wrong key).
    expect(levelsIn('In 2022 revenue was $2.8 million above that level, and most of the surplus went into new cameras.', 0)).toEqual([]);
    expect(levelsIn('In 2022 revenue was $2.8 million short of the target.', 0)).toEqual([]);
    expect(levelsIn('In 2022 revenue was $22.4 million, and most of the surplus went into new cameras.', 0)).toHaveLength(1);
    // "record revenue" is the whole of it, at its highest.
    expect(levelsIn('In 2023 the company posted record revenue of $17.1 million.', 0).map((l) => l.measure)).toEqual(['revenue']);
  });
});

describe('a list whose items each open on their year ("- 2019: revenue $4.8 million; …", blind review v17b, b39 and c39)', () => {
  const article = (lead: string, items: string[]) =>
    [
      '# Ashby Guitars',
      '',
      '## Background',
      '',
      `Ashby Guitars builds acoustic guitars by hand in a former chapel in Leicester and sells them through 60 dealers in Britain and Germany. ${lead}`,
      '',
      ...items,
      '',
      '## What Happened',
      '',
      'The entry-level model reached dealers in 2022, and the workshop hired six apprentices to build it without slowing the custom orders that paid the bills.',
    ].join('\n');
  const items = [
    '- 2015: 3,100 guitars; revenue $3.9 million',
    '- 2019: 3,600 guitars; revenue $4.8 million; operating margin 7 percent',
    '- 2023: 3,500 guitars; revenue $6.6 million; operating margin 19 percent',
  ];

  it('reads each item as a row of a table of years: the change from the first year to the last, the company’s', () => {
    const changes = changesOf(article('The figures below show the company’s trajectory:', items)).map(
      (q) => `${q.prompt} ${q.options[q.answer]}`,
    );
    // $3.9m → $6.6m is 69% more; 7% → 19% is 12 points more. Only first to last, as in a table.
    expect(changes).toEqual(
      expect.arrayContaining([
        'From the article’s figures, by about what percentage did the company’s revenue rise between 2015 and 2023? 69%',
        'From the article’s figures, by how many percentage points did the company’s operating margin rise between 2019 and 2023? 12 percentage points',
      ]),
    );
    expect(changes.filter((c) => /between 2015 and 2019|between 2019 and 2023\? \d+%$/.test(c))).toEqual([]);
  });

  it('reads a labelled figure in a sentence of its own ("Total revenue $4.64 million."), and nothing from a list of plans', () => {
    const told = [
      '- 2018: 14,200 colonies placed at an average $190 each. Total revenue $4.64 million.',
      '- 2021: 15,100 colonies placed at an average $195 each. Total revenue $6.12 million.',
    ];
    const changes = changesOf(article('The company’s figures for two years:', told)).map((q) => `${q.prompt} ${q.options[q.answer]}`);
    expect(changes).toContain(
      'From the article’s figures, by about what percentage did the company’s revenue rise between 2018 and 2021? 32%',
    );
    expect(changesOf(article('The plan projected these figures:', items))).toEqual([]);
  });

  it('reads "£118,000" whole, and a list whose forecast row carries a note ("2023 (forecast at September):") as its other rows (blind review v18k, b58)', () => {
    const told = [
      '- 2020: revenue £1.12 million; gross margin 61 per cent; net profit £118,000; 14 staff.',
      '- 2021: revenue £1.58 million; gross margin 60 per cent; net profit £171,000; 19 staff.',
      '- 2022: revenue £1.71 million; gross margin 58 per cent; net profit £89,000; 22 staff.',
      '- 2023 (forecast at September): revenue £1.64 million; gross margin 55 per cent; net profit about £40,000; 22 staff.',
    ];
    const text = article('The company’s figures for the four years to 2023:', told);
    const changes = changesOf(text).map((q) => `${q.prompt} ${q.options[q.answer]}`);
    // £118,000 → £89,000 is 24.6% less (read as £118 and £89, it would be the same: the level is checked
    // below), first row to last result; nothing read at the forecast's 2023.
    expect(changes).toContain(
      'From the article’s figures, by about what percentage did the company’s net profit fall between 2020 and 2022? 25%',
    );
    expect(changes.filter((c) => /2023/.test(c))).toEqual([]);
    // A run-rate row is no result either.
    const runRate = told.map((item) => item.replace('(forecast at September)', '(run-rate)'));
    expect(changesOf(article('The company’s figures for the four years to 2023:', runRate)).filter((q) => /2023/.test(q.prompt))).toEqual(
      [],
    );
    expect(
      levelsIn(told[0]!.slice(2), 0, undefined, { year: '2020', labelled: true })
        .filter((l) => l.measure === 'net profit')
        .map((l) => l.value),
    ).toEqual([118_000]);
    // The revenue path over the three results (1.12 → 1.58 → 1.71) keeps rising.
    const trends = singleChoiceCandidates(trendCandidates, text).filter((q) => /revenue/.test(q.prompt));
    expect(trends.map((q) => q.options[q.answer])).toEqual(['Kept rising, ending above its 2020 level.']);
  });

  it('reads a profit with its margin in brackets ("EBITDA £0.50m (8.1%)") and a headcount written number first ("71 staff"; blind review v18a, b47)', () => {
    const told = [
      '- FY2019: revenue £6.2m; EBITDA £0.50m (8.1%); 71 staff.',
      '- FY2021: revenue £7.4m; EBITDA £0.71m (9.6%); 80 staff.',
      '- FY2023: revenue £8.3m; EBITDA £0.58m (7.0%); 93 staff.',
    ];
    const changes = changesOf(article('The figures below show the company’s trajectory over five years:', told)).map(
      (q) => `${q.prompt} ${q.options[q.answer]}`,
    );
    // £0.50m → £0.58m is 16% more; the margin's 8.1% → 7.0% is too small a fall to ask.
    expect(changes).toContain(
      'From the article’s figures, by what percentage did the company’s EBITDA rise between fiscal 2019 and fiscal 2023? 16%',
    );
    // 71 → 93 staff is read (below, against revenue), but the size of a headcount's change alone is a side
    // fact (blind review v18c, b49 and c49).
    expect(changes.filter((c) => /headcount/.test(c))).toEqual([]);
    // The bracketed figure is the EBITDA margin, never a level of EBITDA itself.
    expect(changes.filter((c) => /EBITDA (?:rise|fall)/.test(c))).toHaveLength(1);
    const parsed = parseCaseStudy(article('The figures below show the company’s trajectory over five years:', told));
    if (!parsed.ok) throw new Error(parsed.error);
    const comparisons = generateQuizzes(parsed.caseStudy)
      .lessons.flatMap((l) => l.questions)
      .filter((q) => q.family === 'comparison')
      .map((q) => q.prompt);
    // The margin read with another result: revenue rose while it fell. Not EBITDA in money beside a
    // margin, when the article gives EBITDA's own margin too (blind review v18h, b53: read both ways).
    expect(comparisons.filter((c) => /EBITDA margin change between fiscal 2019 and fiscal 2023\?$/.test(c))).toHaveLength(1);
    expect(
      singleChoiceCandidates(
        comparisonCandidates,
        article('The figures below show the company’s trajectory over five years:', told),
      ).filter((q) => /EBITDA and|and EBITDA change/.test(q.prompt)),
    ).toEqual([]);
    const fewer = told.map((item, i) => (i === 2 ? item.replace('93 staff', '64 staff') : item));
    const againstRevenue = singleChoiceCandidates(
      comparisonCandidates,
      article('The figures below show the company’s trajectory over five years:', fewer),
    )
      .filter((q) => /revenue and headcount/.test(q.prompt))
      .map((q) => q.options[q.answer]);
    expect(againstRevenue).toEqual(['Revenue rose while headcount fell.']);
    // …and against revenue only: beside a margin it is a side detail (blind review v18e, c51).
    expect(
      singleChoiceCandidates(
        comparisonCandidates,
        article('The figures below show the company’s trajectory over five years:', fewer),
      ).filter((q) => /headcount/.test(q.prompt) && !/revenue/.test(q.prompt)),
    ).toEqual([]);
  });
});

describe('a change the article states in so many words (blind review v17b, a39)', () => {
  it('is not asked: "up 22% in two years" beside the figure, or "19 per cent below" of the same measure; a share of revenue does not count', () => {
    const article = (extra: string) =>
      [
        '# Lantern Cinemas',
        '',
        '## Background',
        '',
        'Lantern Cinemas runs seven picture houses in Yorkshire towns, each with two or three screens and a café bar. In 2019 Lantern Cinemas had revenue of £21.8 million.',
        '',
        '## Results',
        '',
        `The refurbished screens opened in stages over two winters, and the café bars were rebuilt at the same time, so that a town could lose its cinema for a few weeks but never for a whole season. In 2024 revenue reached £26.6 million. ${extra}`,
      ].join('\n');
    const revenue = (extra: string) => changesOf(article(extra)).filter((q) => /revenue/.test(q.prompt));
    // £21.8m → £26.6m is 22% more.
    expect(revenue('Food and drink made up 22% of revenue.')).toHaveLength(1);
    expect(revenue('That was revenue up 22% on 2019.')).toEqual([]);
    expect(revenue('Revenue was 22 per cent higher than in 2019.')).toEqual([]);
    // "a drop of 39 per cent" in the sentence that gives the figures (v17f, c43).
    expect(revenue('Revenue showed an increase of 22 per cent over the five years.')).toEqual([]);
  });
});
