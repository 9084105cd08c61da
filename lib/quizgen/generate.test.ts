import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanInline } from '@/lib/case-study/blocks';
import { parseCaseStudy } from '@/lib/case-study/parse';
import type { CaseStudy } from '@/lib/case-study/types';
import { findFlaw, findQuizFlaw } from './flaws';
import { fitsBlank, indefiniteArticle, isTrivialNegation } from './language';
import { generateQuizzes } from './generate';
import { toStoredQuestion } from './stored';
import type { Question } from './types';

const ARTICLES = ['content/alibaba-ai-comeback.txt', 'test/fixtures/harbor-coffee.md', 'test/fixtures/nordlys-ferries.md', 'test/fixtures/plain-pasted.txt'];
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

  it('writes at least 5 questions for every lesson (6 sections and the takeaways review), of at least 5 kinds', () => {
    expect(quiz.lessons).toHaveLength(7);
    expect(quiz.lessons.at(-1)!.title).toBe('Review: key takeaways');
    for (const lesson of quiz.lessons) expect(lesson.questions.length, lesson.title).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
  });

  it('matches the "Term: description" list items to their descriptions', () => {
    const matching = all.find((q): q is Extract<Question, { type: 'matching' }> => q.type === 'matching');
    expect(matching).toBeDefined();
    expect(matching!.pairs).toEqual(
      expect.arrayContaining([['Research output', 'Publishing papers on AI ethics, influencing global standards.']]),
    );
  });

  it('picks name distractors of the same kind as the key (companies for a company)', () => {
    const cs = parse(text);
    const typeOf = new Map(cs.facts.filter((f) => f.entityType).map((f) => [f.text, f.entityType]));
    const nameQs = all.filter((q): q is Extract<Question, { type: 'single_choice' }> => q.type === 'single_choice' && !q.prompt.startsWith('Which year'));
    expect(nameQs.length).toBeGreaterThan(0);
    for (const q of nameQs) {
      const types = new Set(q.options.map((o) => typeOf.get(o)));
      expect(types.size, q.options.join(', ')).toBe(1);
    }
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

  it('varies the position of single-choice keys within every quiz', () => {
    for (const lesson of quiz.lessons) expect(findQuizFlaw(lesson.questions), lesson.title).toBeNull();
    const positions = all.filter((q) => q.type === 'single_choice' && !q.prompt.startsWith('Which year')).map((q) => (q as { answer: number }).answer);
    expect(new Set(positions).size).toBeGreaterThan(1);
  });

  it('makes false true/false statements by swapping a fact, and true ones verbatim', () => {
    for (const q of all.filter((x): x is Extract<Question, { type: 'true_false' }> => x.type === 'true_false')) {
      const statement = /“(.*)”/.exec(q.prompt)![1]!;
      expect(statement === q.source).toBe(q.answer);
    }
  });
});

describe('generateQuizzes on Markdown with a table, steps and dated events (Nordlys Ferries)', () => {
  const quiz = generateQuizzes(parse(read('test/fixtures/nordlys-ferries.md')));
  const all = quiz.lessons.flatMap((l) => l.questions);
  const of = <T extends Question['type']>(type: T) => all.filter((q): q is Extract<Question, { type: T }> => q.type === type);

  it('orders dated events earliest first, in the review lesson, from events across the article', () => {
    const review = quiz.lessons.at(-1)!;
    const ordering = review.questions.find((q): q is Extract<Question, { type: 'ordering' }> => q.type === 'ordering');
    expect(ordering).toBeDefined();
    const years = ordering!.items.map((item) => {
      const sentence = ordering!.source.split(/(?<=\.)\s+(?=In|By)/).find((s) => s.endsWith(item.slice(1)))!;
      return Number(/\b(?:19|20)\d\d\b/.exec(sentence)![0]);
    });
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(new Set(years).size).toBe(years.length);
  });

  it('orders the steps of a numbered list introduced as steps', () => {
    const steps = of('ordering').find((q) => q.prompt.includes('The plan followed these steps:'));
    expect(steps?.items).toEqual([
      'Win the 2018 tender with a bid based on battery ships',
      'Order two ships from the Westcon yard',
      'Build charging stations at both quays with the grid company Fjordkraft',
      'Retrain the crews for electric operation',
    ]);
  });

  it('matches table rows: each ship to the year it was built, as the table says', () => {
    const table = of('matching').find((q) => q.prompt.includes('table'));
    expect(table).toBeDefined();
    expect(new Map(table!.pairs)).toEqual(new Map([['Fjordstjerne', '1996'], ['Havørn', '2003'], ['Solvind', '2009'], ['Kystlys', '2012']]));
  });

  it('never asks two questions resting on the same list or sentence in one quiz', () => {
    for (const lesson of quiz.lessons) {
      const texts = lesson.questions.map((q) => q.source);
      for (const [i, a] of texts.entries()) for (const b of texts.slice(i + 1)) expect(a.includes(b) || b.includes(a)).toBe(false);
    }
  });
});

describe('numeric questions', () => {
  it('accept answers within 5% where the article rounds ("about 9 million"), and only the exact number otherwise', () => {
    const quiz = generateQuizzes(parse(read('test/fixtures/nordlys-ferries.md')));
    const numeric = quiz.lessons.flatMap((l) => l.questions).filter((q): q is Extract<Question, { type: 'numeric' }> => q.type === 'numeric');
    expect(numeric.some((q) => q.answer.tolerance > 0)).toBe(true); // "about 15%"
    expect(numeric.some((q) => q.answer.tolerance === 0)).toBe(true);
    for (const q of numeric) {
      const rounded = /\b(?:about|around|roughly|nearly|over)\s+____/.test(q.prompt);
      expect(q.answer.tolerance, q.prompt).toBe(rounded ? Math.round(q.answer.value * 5) / 100 : 0);
    }
  });
});

describe('generateQuizzes on any article', () => {
  it.each(ARTICLES)('%s: every source is verbatim article text (inline Markdown and line breaks aside)', (file) => {
    const text = read(file);
    const plain = text.split('\n').map((line) => cleanInline(line.replace(/^\s*(?:[-*+•]|\d+[.)]|>|\|)\s*/, ''))).join(' ').replace(/\s+/g, ' ');
    for (const q of generateQuizzes(parse(text)).lessons.flatMap((l) => l.questions)) {
      const pieces = q.type === 'ordering' || q.type === 'matching' || q.type === 'multiple_choice' ? [q.source.slice(0, 30)] : [q.source];
      for (const piece of pieces) expect(plain, q.prompt).toContain(piece);
    }
  });

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
        const plain = text.replace(/\s+/g, ' ');
        for (const q of generateQuizzes(r.caseStudy).lessons.flatMap((l) => l.questions)) {
          expect(findFlaw(q)).toBeNull();
          if (q.type !== 'multiple_choice' && q.type !== 'ordering' && q.type !== 'matching') expect(plain).toContain(q.source);
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

  it('rejects options that the a/an or singular/plural before the blank rules out', () => {
    const stem = 'Which word completes this sentence from the article? “The firm built an ____ to serve its users.”';
    expect(findFlaw({ ...base, type: 'single_choice', prompt: stem, options: ['app', 'website', 'portal'], answer: 0 })).toBe(
      'a/an or singular/plural in the stem fits only some options',
    );
    expect(findFlaw({ ...base, type: 'single_choice', prompt: stem, options: ['app', 'web shop', 'intranet'], answer: 0 })).toBe(
      'a/an or singular/plural in the stem fits only some options',
    );
    expect(findFlaw({ ...base, type: 'single_choice', prompt: stem, options: ['app', 'intranet', 'online tools'], answer: 0 })).toBe(
      'a/an or singular/plural in the stem fits only some options',
    );
    expect(findFlaw({ ...base, type: 'single_choice', prompt: stem, options: ['app', 'intranet', 'extranet'], answer: 0 })).toBeNull();
    const plural = 'Which word completes this sentence? “They opened several ____ in 2019.”';
    expect(findFlaw({ ...base, type: 'single_choice', prompt: plural, options: ['cafés', 'roasteries', 'warehouse'], answer: 0 })).toBe(
      'a/an or singular/plural in the stem fits only some options',
    );
  });

  it('knows a from an by sound, not only by letter', () => {
    expect(['hour', 'MBA', 'FBI', 'apple', '8-week', 'SUV'].map(indefiniteArticle)).toEqual(['an', 'an', 'an', 'an', 'an', 'an']);
    expect(['university', 'user', 'one-off', 'European', 'CEO', 'house'].map(indefiniteArticle)).toEqual(['a', 'a', 'a', 'a', 'a', 'a']);
    expect(fitsBlank('“The ____ grew.”', 'anything')).toBe(true);
  });

  it('rejects a true/false statement that only adds or drops a "not"', () => {
    const source = 'Alibaba paid the fine in 2021.';
    expect(isTrivialNegation('Alibaba did not pay the fine in 2021.', source)).toBe(false); // "paid" vs "pay" differs
    expect(isTrivialNegation('Alibaba never paid the fine in 2021.', source)).toBe(true);
    const q: Question = { ...base, type: 'true_false', prompt: 'True or false? According to the article: “Alibaba never paid the fine in 2021.”', answer: false, source };
    expect(findFlaw(q)).toBe('true/false statement is a negated sentence');
    expect(findFlaw({ ...q, prompt: 'True or false? According to the article: “Alibaba paid the fine in 2020.”' })).toBeNull();
  });

  it('flags a quiz whose single-choice keys all sit in one position', () => {
    const q = (answer: number): Question => ({ ...base, type: 'single_choice', options: ['Huawei', 'SenseTime', 'NVIDIA', 'DingTalk'], answer });
    expect(findQuizFlaw([q(1), q(1), q(1)])).toBe('key in the same position in every question');
    expect(findQuizFlaw([q(1), q(2), q(1)])).toBeNull();
    expect(findQuizFlaw([q(1), q(1)])).toBeNull();
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
