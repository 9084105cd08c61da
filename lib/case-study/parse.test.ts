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

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Sentence number ${i + 1} tells the reader something about the company.`).join(' ');

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
    expect(cs.sections.map((s) => s.title)).toEqual([
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
    expect(new Set(texts('year'))).toEqual(new Set(['2020', '2021', '2022', '2023', '2024', '2026']));
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
    expect(cs.sections.map((s) => s.title)).toEqual(['The Early Years', 'The Wholesale Decision', 'Scaling the Roastery', 'Results and Open Questions']);
    expect(cs.takeaways[0]).toBe('Test a big contract with a pilot before committing the whole company.');
    expect(cs.sections[0]!.keyPoints).toHaveLength(3);
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
});
