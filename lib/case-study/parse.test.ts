import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from './parse';
import { splitSentences } from './sentences';
import type { CaseStudy } from './types';

const read = (p: string) => readFileSync(path.join(process.cwd(), p), 'utf8');
const SEED = read('content/alibaba-ai-comeback.txt');

function parsed(text: string): CaseStudy {
  const result = parseCaseStudy(text);
  if (!result.ok) throw new Error(result.error);
  return result.caseStudy;
}

const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Sentence number ${i + 1} tells the reader something about the company.`).join(' ');

describe('parseCaseStudy on the shipped seed (text pasted from a web page)', () => {
  const cs = parsed(SEED);

  it('takes the first line as the title and drops its repeats and the reading-time line', () => {
    expect(cs.title).toBe('Alibaba’s Wild Ride: From Beijing’s Crackdown to Ruling the AI World');
    expect(cs.readingMinutes).toBe(11);
    const everything = JSON.stringify(cs);
    expect(everything).not.toContain('11 mins read');
    expect(everything.split('Alibaba’s Wild Ride').length - 1).toBe(1);
  });

  it('keeps the opening paragraph as the introduction', () => {
    expect(cs.introduction).toHaveLength(1);
    expect(cs.introduction[0]).toMatchObject({ kind: 'paragraph' });
    expect(JSON.stringify(cs.introduction)).toContain('Ever wondered how a tech giant like Alibaba');
  });

  it('turns the plain-line headings into lessons, in order, and the conclusion into takeaways', () => {
    expect(cs.sections.filter((s) => !s.review).map((s) => s.title)).toEqual([
      'What Was the Big Crackdown All About?',
      'How Alibaba Got Creative and Doubled Down on AI',
      'The Key Strategies That Turned the Tide',
      'AI Innovations That Put Alibaba on the Map',
      'The Challenges and Lessons Learned Along the Way',
      'What’s Next for Alibaba in the AI Arena?',
    ]);
    expect(cs.sections.map((s) => s.slug)).toContain('what-was-the-big-crackdown-all-about');
    expect(JSON.stringify(cs.conclusion)).toContain('testament to resilience and smarts');
  });

  it('reads • bullets and numbered items as lists and makes them the key points', () => {
    const crackdown = cs.sections[0]!;
    expect(crackdown.blocks.find((b) => b.kind === 'list')).toMatchObject({ ordered: false });
    expect(crackdown.keyPoints).toEqual([
      'Antitrust investigations launched in 2020, leading to a whopping $2.8 billion fine for Alibaba in 2021.',
      'Jack Ma’s disappearance from public view after his critical speeches, which rattled investors worldwide.',
      'Bans on new investments and mergers, forcing Alibaba to sell off or scale back non-core assets.',
    ]);
    expect(cs.sections[2]!.blocks.find((b) => b.kind === 'list')).toMatchObject({ ordered: true });
  });

  it('reads bullets a page separates by blank lines as one list, and a list after a paragraph as another', () => {
    const pasted = [
      'Okafor and the Five Choices',
      '',
      'Meridian cleans offices, schools and clinics across three counties, and in 2024 a university asked it to bid for all of its campuses. The contract would have doubled the company.',
      '',
      'The Options on the Table',
      '',
      'By mid-March, the leadership team had set out three choices:',
      '',
      '• Bid on all three campuses, at about $10.9 million a year. This offered the biggest prize.',
      '',
      '• Bid on the main campus only, at about $6.85 million. This was the most profitable piece.',
      '',
      '• Pass, and keep building the commercial business at its existing pace.',
      '',
      'The team met twice more before it chose.',
      '',
      '• A list of its own after the paragraph.',
      '• And its second item.',
    ].join('\n');
    const parsed = parseCaseStudy(pasted);
    if (!parsed.ok) throw new Error(parsed.error);
    const lists = parsed.caseStudy.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'list');
    expect(lists.map((l) => (l.kind === 'list' ? l.items.length : 0))).toEqual([3, 2]);
  });

  it('reads a heading pasted straight above its paragraph, and no line of dialogue as a heading (blind review v19a, b61)', () => {
    const long = (n: number) =>
      `The firm had revenue of £${n}.1 million and ${20 + n} staff that year, and it served private customers across the county from one workshop.`;
    const pasted = [
      'Walsh Hoists: The Tender',
      '',
      'Two offers on the desk',
      `${long(1)} It had two offers to weigh.`,
      '',
      '"Which one first?" asked her father. "Both," she said.',
      '',
      `${long(2)} Both offers ran for four years.`,
      '',
      'The options',
      `${long(3)} Each one had a champion in the family.`,
      '',
      // A paragraph hard-wrapped at a fixed width: none of its lines is a heading.
      'Imran Hussain, the operations manager, wanted to bid for all three',
      'lots of the contract and argued for it at every meeting that month.',
      'He said the work would fill the gaps in the engineers diaries.',
      '',
      'The decision',
      `${long(4)} She chose the second lot.`,
      '',
      // Paragraphs each on one long line: a heading over a short first paragraph is a heading too (v19b, b63).
      'The outcome',
      'Three things changed in 2024.',
      '',
      long(5),
      '',
      // A table pasted without its rule has no heading in it.
      'Metric | 2022 | 2024',
      'Revenue | £4.1m | £5.3m',
      'Maintenance contract revenue | £2.7m | £3.1m',
    ].join('\n');
    const parsed = parseCaseStudy(pasted);
    if (!parsed.ok) throw new Error(parsed.error);
    const sections = parsed.caseStudy.sections.filter((s) => !s.review);
    expect(sections.map((s) => s.title)).toEqual(['Two offers on the desk', 'The options', 'The decision', 'The outcome']);
    expect(sections[0]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text.slice(0, 20) : b.kind))).toEqual([
      'The firm had revenue',
      '"Which one first?" a',
      'The firm had revenue',
    ]);
    expect(sections[1]!.blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Imran Hussain, the operations manager, wanted to bid for all three lots of the contract and argued for it at every meeting that month. He said the work would fill the gaps in the engineers diaries.',
    });
  });

  it('reads a report’s numbered headings as lessons and the lines under them as subheadings (blind review v19a, b62)', () => {
    const para = (n: number) => `In ${2018 + n} the company had revenue of £${n}.4 million and ${60 + n} staff on a single site.`;
    const pasted = [
      'Norland Treads: Options Review',
      '',
      'Prepared for the Board by Ardley Partners',
      '',
      '1. Executive summary',
      '',
      para(1),
      '',
      '2. Financial history',
      '',
      para(2),
      '',
      '1. Close the second line.',
      '',
      '2. Sign fleet contracts.',
      '',
      '3. Outcomes, 2023 to 2024',
      '',
      'Cost consolidation',
      '',
      para(3),
      '',
      'Fleet management',
      '',
      para(4),
      '',
      // The next number over its bullets is a heading too (blind review v19c, b66: "7. Lessons").
      '4. Lessons',
      '• Stage the investment against evidence.',
      '• Price a contract before signing it.',
    ].join('\n');
    const parsed = parseCaseStudy(pasted);
    if (!parsed.ok) throw new Error(parsed.error);
    const sections = parsed.caseStudy.sections.filter((s) => !s.review);
    expect(sections.map((s) => s.title)).toEqual(['Executive summary', 'Financial history', 'Outcomes, 2023 to 2024']);
    expect(parsed.caseStudy.takeaways).toEqual(['Stage the investment against evidence.', 'Price a contract before signing it.']);
    // A numbered list whose items stand apart stays a list.
    expect(sections[1]!.blocks[1]).toEqual({ kind: 'list', ordered: true, items: ['Close the second line.', 'Sign fleet contracts.'] });
    expect(sections[2]!.blocks.map((b) => b.kind)).toEqual(['subheading', 'paragraph', 'subheading', 'paragraph']);
  });

  it('reads a year standing alone under a heading as a part of that lesson, not a lesson (blind review v19g, b69)', () => {
    const words = [
      'The first sites opened in market towns along the ring road.',
      'Two sites were converted to machines while the others stayed by hand.',
      'Memberships grew each month and the bank was repaid early.',
    ];
    const year = (n: number) =>
      `In ${n} the business had revenue of £${n - 2020}.4 million and ${30 + n - 2020} staff. ${words[n - 2021]} Its ${['first', 'second', 'third'][n - 2021]!} season ended with ${n - 2015} sites open.`;
    const pasted = [
      'Kestrel Washes',
      '',
      'Background',
      '',
      year(2021),
      '',
      'The Results',
      '',
      '2022',
      '',
      year(2022),
      '',
      '2023',
      '',
      year(2023),
    ].join('\n');
    const parsed = parseCaseStudy(pasted);
    if (!parsed.ok) throw new Error(parsed.error);
    const sections = parsed.caseStudy.sections.filter((s) => !s.review);
    expect(sections.map((s) => s.title)).toEqual(['Background', 'The Results']);
    expect(sections[1]!.blocks.map((b) => (b.kind === 'subheading' ? b.text : b.kind))).toEqual(['2022', 'paragraph', '2023', 'paragraph']);
  });

  it('collects the "Key takeaways" list and the conclusion’s first sentence as takeaways', () => {
    expect(cs.takeaways).toEqual([
      'Always have a Plan B for regulatory changes.',
      'Invest in education to stay ahead of tech trends.',
      'Use failures as stepping stones, just like Alibaba did.',
      'Alibaba’s transformation from a crackdown victim to an AI powerhouse is a testament to resilience and smarts.',
    ]);
  });

  it('drops the view-count junk at the end', () => {
    expect(JSON.stringify(cs)).not.toContain('👁️');
  });

  it('finds years, money, percentages and names, each pointing at its verbatim sentence', () => {
    const texts = (kind: string) => cs.facts.filter((f) => f.kind === kind).map((f) => f.text);
    expect(texts('money')).toEqual(['$2.8 billion', '$10 billion']);
    expect(texts('percent')).toEqual(['20%', '15%']);
    expect(new Set(texts('year'))).toEqual(new Set(['2020', '2021', '2022', '2023', '2024', '2025', '2026']));
    expect(texts('entity')).toEqual(expect.arrayContaining(['Jack Ma', 'SenseTime', 'DingTalk', 'World Health Organization']));
    for (const fact of cs.facts) {
      expect(SEED).toContain(fact.sentence);
      expect(fact.sentence).toContain(fact.text);
    }
  });
});

describe('parseCaseStudy on other shapes', () => {
  it('reads Markdown with ATX headings, bullets and emphasis, and a "Key Takeaways" section', () => {
    const cs = parsed(read('test/fixtures/harbor-coffee.md'));
    expect(cs.title).toBe('Harbor Coffee: Growing a Local Roaster Without Losing the Neighborhood');
    expect(cs.sections.filter((s) => !s.review).map((s) => s.title)).toEqual([
      'The Early Years',
      'The Wholesale Decision',
      'Scaling the Roastery',
      'Results and Open Questions',
    ]);
    expect(cs.takeaways[0]).toBe('Test a big contract with a pilot before committing the whole company.');
    expect(cs.sections[0]!.keyPoints).toHaveLength(3);
  });

  it('reads a table pasted as columns lined up with spaces, and no paragraph or short list as one (blind review v18n, b60)', () => {
    const body = (block: string) =>
      [
        'Meridian Translation: Machines and Margins',
        '',
        'Background',
        'Meridian translates medical-device manuals in Utrecht for clients across Europe. Its founder built the business on careful human work, and its clients paid for that care until machine translation became good enough for most of their needs.',
        '',
        block,
        '',
        'The Decision',
        'In 2024 the board chose to offer machine translation with human editing to its largest client, and to build a regulatory writing service beside it. Margins recovered within two years, and the founder stayed on as chair.',
      ].join('\n');
    const table = [
      'Year    Revenue   Words translated   Gross margin   Staff',
      '2019    €3.15m    15.9m              42%            24',
      '2021    €3.90m    19.8m              42%            29',
      '2023    €3.80m    19.1m              37%            31',
    ].join('\n');
    const blocks = parsed(body(table)).sections.flatMap((s) => s.blocks);
    expect(blocks.find((b) => b.kind === 'table')).toEqual({
      kind: 'table',
      header: ['Year', 'Revenue', 'Words translated', 'Gross margin', 'Staff'],
      rows: [
        ['2019', '€3.15m', '15.9m', '42%', '24'],
        ['2021', '€3.90m', '19.8m', '42%', '29'],
        ['2023', '€3.80m', '19.1m', '37%', '31'],
      ],
    });
    // Sentences with two spaces after their full stops, and a header with one row, are no table.
    const spaced = [
      'Revenue rose in 2019.  Margins held.  Staff grew to 24.',
      'Revenue fell in 2020.  Margins fell.  Staff fell to 20.',
      'Revenue rose in 2021.  Margins held.  Staff grew to 29.',
    ].join('\n');
    expect(
      parsed(body(spaced))
        .sections.flatMap((s) => s.blocks)
        .some((b) => b.kind === 'table'),
    ).toBe(false);
    expect(
      parsed(body(table.split('\n').slice(0, 2).join('\n')))
        .sections.flatMap((s) => s.blocks)
        .some((b) => b.kind === 'table'),
    ).toBe(false);
  });

  it('reads pasted text with a "6 min read" line, a conclusion and share junk', () => {
    const cs = parsed(read('test/fixtures/plain-pasted.txt'));
    expect(cs.title).toBe('The Quiet Turnaround at Velden Tools');
    expect(cs.readingMinutes).toBe(6);
    expect(cs.sections.map((s) => s.title)).toEqual(['Cutting Without Breaking', 'Winning Back Retailers', 'What Came Next']);
    expect(cs.takeaways).toEqual(['The Velden story shows that a turnaround can protect people and still restore profits.']);
    expect(JSON.stringify(cs)).not.toMatch(/Share this article|👍/);
  });

  it('reads setext headings', () => {
    const cs = parsed(`Title Here\n==========\n\nFirst part\n----------\n\n${filler(8)}\n\nSecond part\n-----------\n\n${filler(8)}\n`);
    expect(cs.title).toBe('Title Here');
    expect(cs.sections.map((s) => s.title)).toEqual(['First part', 'Second part']);
  });

  it('splits an article without headings into lessons by length, with generated titles', () => {
    const cs = parsed(`A Long Story\n\n${Array.from({ length: 12 }, () => filler(8)).join('\n\n')}`);
    expect(cs.sections.length).toBeGreaterThan(1);
    expect(cs.sections[0]!.title).toMatch(/^Part 1/);
    expect(new Set(cs.sections.map((s) => s.slug)).size).toBe(cs.sections.length);
  });

  it('keeps HTML and script tags as text', () => {
    const cs = parsed(`Title\n\n<script>alert("x")</script> ${filler(12)}`);
    expect(JSON.stringify(cs)).toContain('<script>alert(\\"x\\")</script>');
  });

  it('reads Markdown as a syntax tree: fenced code and raw HTML are never headings or sentences', () => {
    const cs = parsed(
      [
        '# Fenced',
        '',
        '## Growth',
        '',
        filler(6),
        '',
        '```',
        '## Not a heading',
        'Secret sentence in code that must never be quoted.',
        '```',
        '',
        '<div class="ad">Buy now from our sponsor today and save.</div>',
        '',
        '## Results',
        '',
        `The company grew *quickly* and [doubled](https://example.com) its sales. ${filler(6)}`,
      ].join('\n'),
    );
    expect(cs.sections.map((s) => s.title)).toEqual(['Growth', 'Results']);
    const all = JSON.stringify(cs);
    expect(all).not.toContain('Secret sentence');
    expect(all).not.toContain('sponsor');
    expect(all).toContain('The company grew quickly and doubled its sales.');
  });

  it('handles emoji and right-to-left text', () => {
    const result = parseCaseStudy(`🚀 Launch\n\n${'שלום עולם וזה טקסט בעברית. '.repeat(30)} 😀 ${filler(5)}`);
    expect(result.ok).toBe(true);
  });
});

describe('parseCaseStudy on bad input', () => {
  it('says an empty file is empty', () => {
    expect(parseCaseStudy('')).toEqual({ ok: false, error: 'The article is empty.' });
    expect(parseCaseStudy('   \n\n  ')).toEqual({ ok: false, error: 'The article is empty.' });
  });

  it('says an article too short to teach from is too short', () => {
    const result = parseCaseStudy('A title\n\nOne short paragraph.');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/too short to teach from/);
  });

  it('parses 1 MB of text', () => {
    const big = `Big\n\n${Array.from({ length: 2000 }, (_, i) => `Heading ${i}\n\n${filler(8)}`).join('\n\n')}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(parsed(big).sections.length).toBe(2000);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        const result = parseCaseStudy(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends but not on abbreviations, and keeps each sentence verbatim', () => {
    const text = 'Mr. Ma spoke in 2020. Sales rose 20%! Did it last? Yes, e.g. in the U.S. market.';
    const sentences = splitSentences(text);
    expect(sentences).toEqual(['Mr. Ma spoke in 2020.', 'Sales rose 20%!', 'Did it last?', 'Yes, e.g. in the U.S. market.']);
    for (const s of sentences) expect(text).toContain(s);
  });

  it('ends a sentence on a lettered label ("Retailer C.") when a sentence opener follows, but not on an initial in a name', () => {
    // Blind review v17d (c41): an option was shown as "Exit the contract with Retailer C. About 0.95 million litres remained".
    expect(splitSentences('Exit the contract with Retailer C. About 0.95 million litres remained.')).toEqual([
      'Exit the contract with Retailer C.',
      'About 0.95 million litres remained.',
    ]);
    expect(splitSentences('The board chose Option B. The bank agreed within a week.')).toHaveLength(2);
    expect(splitSentences('The founder, Harry S. Truman, signed it. J. Smith agreed.')).toEqual([
      'The founder, Harry S. Truman, signed it.',
      'J. Smith agreed.',
    ]);
  });

  it('ends a sentence before one that opens on a currency sign', () => {
    expect(splitSentences('Accept the offer. €22 million for the equity. $5 of every $8 came from wholesale.')).toEqual([
      'Accept the offer.',
      '€22 million for the equity.',
      '$5 of every $8 came from wholesale.',
    ]);
  });
});

describe('parseCaseStudy on Markdown with setext and ### headings, a table and a quote', () => {
  const cs = parsed(read('test/fixtures/nordlys-ferries.md'));

  it('takes the setext === title and the --- headings as lessons; ### become subheadings inside them', () => {
    expect(cs.title).toBe('Nordlys Ferries: Electrifying a Fjord Route');
    expect(cs.sections.map((s) => s.title)).toEqual([
      'The Starting Point',
      'Building the Case',
      'Running the Electric Route',
      'Review: key takeaways',
    ]);
    expect(cs.sections[0]!.blocks.filter((b) => b.kind === 'subheading')).toEqual([
      { kind: 'subheading', text: 'The fleet in 2015' },
      { kind: 'subheading', text: 'The business problem' },
    ]);
  });

  it('keeps a table as a table, with its header and every row', () => {
    const table = cs.sections[0]!.blocks.find((b) => b.kind === 'table');
    expect(table).toEqual({
      kind: 'table',
      header: ['Ship', 'Built', 'Cars', 'Route'],
      rows: [
        ['Fjordstjerne', '1996', '120', 'Bergsund'],
        ['Havørn', '2003', '90', 'Lindvik'],
        ['Solvind', '2009', '140', 'Bergsund'],
        ['Kystlys', '2012', '60', 'Ytre Sund'],
      ],
    });
  });

  it('keeps a blockquote as a quote, apart from the paragraph after it', () => {
    const blocks = cs.sections[0]!.blocks;
    const i = blocks.findIndex((b) => b.kind === 'quote');
    expect(blocks[i]).toEqual({
      kind: 'quote',
      text: 'We could not win the next tender with the ships we had, and we could not afford to lose it.',
    });
    expect(blocks[i + 1]).toMatchObject({ kind: 'paragraph', text: expect.stringMatching(/^Solberg said this/) });
  });

  it('takes the "Lessons for Managers" list and the conclusion as takeaways, reviewed in a closing lesson', () => {
    expect(cs.takeaways).toEqual([
      'Regulation can be a reason to invest, not only a cost',
      'Partner early with the suppliers who control your bottleneck',
      'Plan for the worst season, not the average one',
      'Nordlys Ferries turned a tender requirement into a cheaper, quieter route.',
    ]);
    const review = cs.sections.at(-1)!;
    expect(review).toMatchObject({ review: true, slug: 'review-key-takeaways', keyPoints: cs.takeaways });
  });

  it('tells people, places and organizations apart', () => {
    const typeOf = (name: string) => cs.facts.find((f) => f.kind === 'entity' && f.text === name)?.entityType;
    expect(typeOf('Ingrid Solberg')).toBe('person');
    expect(typeOf('Erik Dahl')).toBe('person');
    expect(typeOf('Solberg')).toBe('person');
    expect(typeOf('Norway')).toBe('place');
    expect(typeOf('Nordlys Ferries')).toBe('organization');
    expect(typeOf('Fjordkraft')).toBe('organization');
    // A name ends at punctuation: "Ingrid Solberg: Argued …" is not one name.
    expect(cs.facts.some((f) => f.text.includes('Argued'))).toBe(false);
    // Currency codes are units.
    expect(cs.facts.some((f) => f.kind === 'entity' && f.text === 'NOK')).toBe(false);
  });

  it('lifts dated events out of their sentences, skipping pronoun openings and forecasts', () => {
    expect(cs.events).toContainEqual({
      year: 2016,
      event: 'Solberg hired the naval architect Erik Dahl to compare three options.',
      sentence: 'In 2016, Solberg hired the naval architect Erik Dahl to compare three options.',
      section: 1,
    });
    // "By 2023 the company had ordered …" tells what had happened by then, not what happened in 2023.
    expect(cs.events.find((e) => e.year === 2023)).toBeUndefined();
    for (const e of cs.events) expect(e.event).not.toMatch(/\b(?:19|20)\d\d\b/);
  });
});

describe('parseCaseStudy on people and places in the other fixtures', () => {
  it('keeps a word shared by a person and a company untyped ("Velden" of Ruth Velden and Velden Tools)', () => {
    const cs = parsed(read('test/fixtures/plain-pasted.txt'));
    const typeOf = (name: string) => cs.facts.find((f) => f.kind === 'entity' && f.text === name)?.entityType;
    expect(typeOf('Ruth Velden')).toBe('person');
    expect(typeOf('Velden Tools')).toBe('organization');
    expect(typeOf('Velden')).toBeUndefined();
    expect(typeOf('Germany')).toBe('place');
  });
});
