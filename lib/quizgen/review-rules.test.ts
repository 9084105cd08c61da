import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import { generateQuizzes } from './generate';
import type { Question } from './types';

/**
 * Rules that came out of blind reviews (docs/quality/reviews/v4a-*): each test states the flaw a
 * reviewer found, on a small article written for the test.
 */
const generate = (text: string) => {
  const parsed = parseCaseStudy(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return generateQuizzes(parsed.caseStudy).lessons.flatMap((l) => l.questions);
};

const article = [
  '# Lumen Ferries',
  '',
  '## Background',
  '',
  'Lumen Ferries runs six car ferries between the mainland and four islands and employs about 900 people. In 2017 the company carried 2.1 million passengers and reported revenue of €140 million. Its main rivals were Nordvik Line and Skerry Shipping, both owned by larger groups.',
  '',
  '## The Fuel Shock',
  '',
  'In 2018 Lumen Ferries signed a fuel contract with Baltra Energy for marine diesel. Fuel prices doubled in 2021, which squeezed margins across the fleet. The board cut two winter routes and sold its oldest ferry in 2020. Lumen Ferries spent more than €30 million on a hybrid ferry that entered service in 2022.',
  '',
  '## Results',
  '',
  'Revenue reached €151 million in 2023, helped by higher fares on the summer routes. Baltra Energy agreed a new contract that capped the diesel price for five years. A booking app built with Tarvo Digital went live in 2023 and handled most summer reservations. Lumen Ferries now wants to convert a second ferry, but the island councils must first pay for charging points at the harbours.',
  '',
  '## Lessons for Managers',
  '',
  '- Shrinking can be a strategy: cutting the two winter routes and selling the oldest ferry kept the fleet viable.',
  '- Lock in input costs when one supplier can wipe out a margin.',
  '- Public partners can decide the pace of a transition.',
].join('\n');
const questions = generate(article);
const fillIns = questions.filter((q): q is Extract<Question, { type: 'fill_blank' }> => q.type === 'fill_blank');

describe('rules from blind review', () => {
  it('never blanks a name inside a list or pair of names ("Nordvik Line and ____"), where several answers fit', () => {
    for (const q of fillIns)
      expect(q.prompt, q.prompt).not.toMatch(/\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)* (?:and|or) ____|____ (?:and|or) \p{Lu}|, ____,/u);
  });

  it('never asks for a measure written in capitals as if it were a name, nor blanks a name after "a"/"an"', () => {
    const text = article
      .replace(
        'Fuel prices doubled in 2021, which squeezed margins across the fleet.',
        'After fuel prices doubled in 2021, the board watched EBITDA fall for three quarters.',
      )
      .replace('Revenue reached €151 million', 'EBITDA recovered in 2023 once the new contract began. Revenue reached €151 million');
    for (const q of generate(text)) if (q.type === 'fill_blank') expect(q.answer).not.toContain('EBITDA');
    for (const q of fillIns) expect(q.prompt).not.toMatch(/\b(?:a|an) ____/);
  });

  it('never asks for a floor or a ceiling as if it were a figure ("more than €____ million")', () => {
    for (const q of questions)
      if (q.type === 'numeric') expect(q.prompt).not.toMatch(/\b(?:more than|over|under|less than|nearly|almost|up to)\s+[$€£¥]?____/);
    expect(questions.some((q) => q.type === 'numeric' && q.answer.value === 30)).toBe(false);
  });

  it('accepts an organisation’s distinctive first word but not a generic last word the article never uses alone', () => {
    for (const q of fillIns) {
      if (!q.answer.includes('Baltra Energy')) continue;
      expect(q.answer).toContain('Baltra');
      expect(q.answer).not.toContain('Energy');
    }
    const suppliers = generate(article.replaceAll('Baltra Energy', 'Haraka Logistics'));
    for (const q of suppliers) if (q.type === 'fill_blank') expect(q.answer).not.toContain('Logistics');
  });

  it('ties a lesson of the article to the part of the case it names, with other events of the case as wrong options', () => {
    const q = questions.find(
      (x): x is Extract<Question, { type: 'single_choice' }> => x.family === 'takeaway_evidence' && x.type === 'single_choice',
    );
    expect(q, 'a takeaway_evidence question').toBeDefined();
    expect(q!.prompt).toBe('Which part of the case best illustrates this lesson from the article: “Shrinking can be a strategy”?');
    expect(q!.options[q!.answer]).toBe('The board cut two winter routes and sold its oldest ferry in 2020.');
    expect(q!.level).toBe('analyze');
    for (const [i, o] of q!.options.entries()) {
      expect(article).toContain(o.replace(/\.$/, ''));
      if (i !== q!.answer) expect(o).not.toMatch(/winter routes|oldest ferry/);
    }
  });

  it('does not offer the plural of a term after "a"/"an" in the sentence', () => {
    const terms = generate(readFileSync('content/alibaba-ai-comeback.txt', 'utf8')).filter(
      (q): q is Extract<Question, { type: 'fill_blank' }> => q.type === 'fill_blank' && /\b(?:a|an) ____/.test(q.prompt),
    );
    for (const q of terms) for (const a of q.answer) if (!/s$/.test(q.answer[0]!)) expect(a, q.prompt).not.toMatch(/s$/);
  });
});
