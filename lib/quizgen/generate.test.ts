import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import type { CaseStudy } from '@/lib/case-study/types';
import { findFlaw } from './flaws';
import { generateQuizzes } from './generate';
import { toStoredQuestion } from './stored';
import type { Question } from './types';

const ARTICLES = ['content/alibaba-ai-comeback.txt', 'test/fixtures/harbor-coffee.md', 'test/fixtures/plain-pasted.txt'];
const read = (p: string) => readFileSync(path.join(process.cwd(), p), 'utf8');
const parse = (text: string): CaseStudy => {
  const r = parseCaseStudy(text);
  if (!r.ok) throw new Error(r.error);
  return r.caseStudy;
};

describe('generateQuizzes on the seed', () => {
  const text = read('content/alibaba-ai-comeback.txt');
  const quiz = generateQuizzes(parse(text));
  const all = quiz.lessons.flatMap((l) => l.questions);

  it('writes at least 5 questions for every lesson, of at least 3 kinds overall', () => {
    expect(quiz.lessons).toHaveLength(6);
    for (const lesson of quiz.lessons) expect(lesson.questions.length, lesson.title).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
  });

  it('gives every question an explanation and a source sentence copied verbatim from the article', () => {
    for (const q of all) {
      expect(q.explanation.length).toBeGreaterThan(10);
      for (const piece of q.source.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) expect(text).toContain(piece);
    }
  });

  it('never asks two questions on one sentence in a quiz (one would give the other away)', () => {
    for (const lesson of quiz.lessons) {
      const sources = lesson.questions.map((q) => q.source);
      expect(new Set(sources).size, lesson.title).toBe(sources.length);
    }
  });

  it('asks each lesson about its own section', () => {
    const cs = parse(text);
    quiz.lessons.forEach((lesson, i) => {
      const sectionText = JSON.stringify(cs.sections[i]!.blocks);
      for (const q of lesson.questions) expect(sectionText).toContain(q.source.split(/(?<=[.!?])\s+/)[0]!.slice(0, 40));
    });
  });

  it('names the right year in a year question (the key is the year in the source sentence)', () => {
    const yearQs = all.filter((q): q is Extract<Question, { type: 'single_choice' }> => q.type === 'single_choice' && q.prompt.startsWith('Which year'));
    expect(yearQs.length).toBeGreaterThan(0);
    for (const q of yearQs) {
      const key = q.options[q.answer]!;
      expect(q.source).toContain(key);
      expect(q.prompt).not.toContain(key);
      expect([...q.options].sort()).toEqual(q.options);
    }
  });

  it('makes false true/false statements by swapping a fact, and true ones verbatim', () => {
    for (const q of all.filter((x): x is Extract<Question, { type: 'true_false' }> => x.type === 'true_false')) {
      const statement = /“(.*)”/.exec(q.prompt)![1]!;
      expect(statement === q.source).toBe(q.answer);
    }
  });
});

describe('generateQuizzes on any article', () => {
  it.each(ARTICLES)('%s: every kept question passes every flaw check', (file) => {
    const quiz = generateQuizzes(parse(read(file)));
    for (const q of quiz.lessons.flatMap((l) => l.questions)) expect(findFlaw(q), q.prompt).toBeNull();
  });

  it.each(ARTICLES)('%s: the same article gives the same quiz, byte for byte', (file) => {
    const text = read(file);
    expect(JSON.stringify(generateQuizzes(parse(text)))).toBe(JSON.stringify(generateQuizzes(parse(text))));
  });

  it('writes questions from the article it is given, not from a fixed list', () => {
    const quiz = generateQuizzes(parse(read('test/fixtures/plain-pasted.txt')));
    const prompts = quiz.lessons.flatMap((l) => l.questions.map((q) => q.prompt)).join('\n');
    expect(prompts).toMatch(/Velden|Harlan|Dayton/);
    expect(prompts).not.toMatch(/Alibaba/);
  });

  it('single choice always has exactly one key among 3 to 5 distinct options, for random articles', () => {
    const word = fc.constantFrom('Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'sales', 'grew', 'the', 'market', 'in', '2019', '2021', '$4 million', '12%', 'Lisbon');
    const sentence = fc.array(word, { minLength: 6, maxLength: 14 }).map((w) => `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));
    const article = fc
      .array(fc.tuple(fc.constantFrom('Growth', 'Decline', 'The Pivot', 'Results'), fc.array(sentence, { minLength: 6, maxLength: 12 })), { minLength: 1, maxLength: 4 })
      .map((sections) => `Random Case\n\n${sections.map(([h, s]) => `${h}\n\n${s.join(' ')}`).join('\n\n')}`);
    fc.assert(
      fc.property(article, (text) => {
        const r = parseCaseStudy(text);
        if (!r.ok) return;
        for (const q of generateQuizzes(r.caseStudy).lessons.flatMap((l) => l.questions)) {
          expect(findFlaw(q)).toBeNull();
          if (q.type === 'single_choice') {
            expect(q.options.length).toBeGreaterThanOrEqual(3);
            expect(q.options.length).toBeLessThanOrEqual(5);
            expect(new Set(q.options).size).toBe(q.options.length);
            expect(q.options[q.answer]).toBeDefined();
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('findFlaw', () => {
  const base = { prompt: 'Which company did Alibaba partner with for AI hardware?', explanation: 'Because the article says so.', source: 'Huawei.' };
  const single = (options: string[], answer = 0): Question => ({ ...base, type: 'single_choice', options, answer });

  it('accepts a sound single-choice question', () => {
    expect(findFlaw(single(['Huawei', 'SenseTime', 'NVIDIA', 'DingTalk']))).toBeNull();
  });

  it.each([
    ['duplicate options', single(['Huawei', 'huawei ', 'NVIDIA'])],
    ['"all/none of the above" option', single(['Huawei', 'NVIDIA', 'All of the above'])],
    ['needs 3 to 5 options', single(['Huawei', 'NVIDIA'])],
    ['no key', single(['Huawei', 'NVIDIA', 'AWS'], 7)],
    ['key is the longest option by a wide margin', single(['Huawei, the Shenzhen telecom giant and chip designer', 'NVIDIA', 'AWS'])],
    ['numeric options not sorted', single(['2021', '2019', '2020'])],
    ['key repeated in the stem', { ...single(['Alibaba', 'NVIDIA', 'AWS']) }],
    ['overlapping options', single(['Google', 'Google Cloud', 'AWS'])],
    ['negative in the stem', { ...single(['Huawei', 'NVIDIA', 'AWS']), prompt: 'Which company was not a partner?' }],
  ])('rejects %s', (reason, q) => {
    expect(findFlaw(q)).toBe(reason);
  });

  it('rejects a fill-in whose answer is already in the prompt, or with no blank', () => {
    expect(findFlaw({ ...base, type: 'fill_blank', prompt: 'Fill in: “Huawei made ____ chips with Huawei.”', answer: ['Huawei'] })).toBe('answer repeated in the stem');
    expect(findFlaw({ ...base, type: 'fill_blank', prompt: 'Who made chips?', answer: ['Huawei'] })).toBe('no blank in the prompt');
  });

  it('rejects a multiple select where every option is a key', () => {
    expect(findFlaw({ ...base, type: 'multiple_choice', options: ['A one', 'B two', 'C three'], answer: [0, 1, 2] })).toBe('multiple select needs keys and distractors');
  });
});

describe('toStoredQuestion', () => {
  it('keeps the key out of the public data and never shows ordering items in the right order', () => {
    const q: Question = { type: 'ordering', prompt: 'Order these', items: ['first', 'second', 'third', 'fourth'], explanation: 'x', source: 'y' };
    const stored = toStoredQuestion(q);
    expect(stored.data).toMatchObject({ type: 'ordering' });
    const shown = (stored.data as { items: string[] }).items;
    expect(shown).not.toEqual(q.items);
    expect(new Set(shown)).toEqual(new Set(q.items));
    const key = stored.answerKey as { order: number[] };
    expect(key.order.map((i) => shown[i])).toEqual(q.items);
  });

  it('puts a single-choice key only in the answer key', () => {
    const stored = toStoredQuestion({ type: 'single_choice', prompt: 'p', options: ['a', 'b', 'c'], answer: 2, explanation: 'e', source: 's' });
    expect(stored.data).toEqual({ type: 'single_choice', options: ['a', 'b', 'c'] });
    expect(stored.answerKey).toEqual({ type: 'single_choice', answer: 2 });
  });
});
