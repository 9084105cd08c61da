import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseStudy } from '@/lib/case-study/parse';
import type { EditableQuestion } from '@/lib/questions/editor';
import type { RubricCriterion } from '@/lib/questions/kinds';
import { generateQuizzes } from '@/lib/quizgen/generate';
import { caseToGift, escapeGift, questionsToGift } from './export';
import { importGift, type ImportedQuestion } from './import';

function reimport(gift: string): ImportedQuestion[] {
  const result = importGift(gift);
  if (!result.ok) throw new Error(`line ${result.line}: ${result.reason}\n${gift}`);
  expect(result.skipped).toEqual([]);
  return result.questions;
}
/** What GIFT carries of a question: its kind, text, key and explanation (ordering comes back as matching). */
function carried(q: EditableQuestion): EditableQuestion {
  const common = { prompt: q.prompt, explanation: q.explanation, source: '' };
  switch (q.type) {
    case 'ordering':
      return { type: 'matching', ...common, pairs: q.items.map((item, i) => [item, String(i + 1)] as [string, string]) };
    case 'numeric':
      return { type: 'numeric', ...common, answer: q.answer };
    case 'open_response':
      // The general feedback carries the model answer when there is one; the rubric stays behind.
      return {
        type: 'open_response',
        ...common,
        explanation: q.modelAnswer.trim() ? q.modelAnswer : q.explanation,
        modelAnswer: '',
        rubric: [],
      };
    case 'single_choice':
      return { type: q.type, ...common, options: q.options, answer: q.answer };
    case 'multiple_choice':
      return { type: q.type, ...common, options: q.options, answer: q.answer };
    case 'true_false':
      return { type: q.type, ...common, answer: q.answer };
    case 'fill_blank':
      return { type: q.type, ...common, answer: q.answer };
    case 'matching':
      return { type: q.type, ...common, pairs: q.pairs };
  }
}
const strip = ({ line: _l, category: _c, title: _t, intro: _i, introLine: _il, ...q }: ImportedQuestion) => q;

describe('GIFT export', () => {
  it('escapes backslash and every control character, and puts a question on one line', () => {
    expect(escapeGift('a\\b ~ = # { } : c\n d')).toBe('a\\\\b \\~ \\= \\# \\{ \\} \\: c d');
  });

  it('writes each kind as Moodle reads it', () => {
    const common = { explanation: '', source: '' };
    const gift = questionsToGift(
      [
        { type: 'single_choice', prompt: 'Where?', options: ['Oslo', 'Portland'], answer: 1, ...common, explanation: 'In 2012.' },
        { type: 'multiple_choice', prompt: 'Costs?', options: ['rent', 'wages', 'sales'], answer: [0, 1], ...common },
        { type: 'true_false', prompt: 'Small?', answer: false, ...common },
        { type: 'fill_blank', prompt: 'Who?', answer: ['Maya', 'Lindqvist'], ...common },
        { type: 'numeric', prompt: 'Share?', answer: { value: 45, tolerance: 2.5 }, unit: '%', ...common },
        { type: 'ordering', prompt: 'Order them', items: ['lease', 'roaster', 'warehouse'], ...common },
        {
          type: 'matching',
          prompt: 'Match',
          pairs: [
            ['a', 'b'],
            ['c', 'd'],
          ],
          ...common,
        },
        {
          type: 'open_response',
          prompt: 'Argue.',
          modelAnswer: 'M',
          rubric: [{ label: 'Reason', points: 2 }],
          ...common,
          explanation: 'Weigh both.',
        },
      ],
      { category: ['Harbor/Coffee', 'Lesson'] },
    );
    expect(gift.split('\n\n')).toEqual([
      '$CATEGORY: Harbor//Coffee/Lesson',
      '::Question 1:: Where? {~Oslo =Portland ####In 2012.}',
      '::Question 2:: Costs? {~%50%rent ~%50%wages ~%-100%sales}',
      '::Question 3:: Small? {FALSE}',
      '::Question 4:: Who? {=Maya =Lindqvist}',
      '::Question 5:: Share? {#45:2.5}',
      '::Question 6:: Order them {=lease -> 1 =roaster -> 2 =warehouse -> 3}',
      '::Question 7:: Match {=a -> b =c -> d}',
      // An essay's general feedback carries its model answer, which the import reads back as one.
      '::Question 8:: Argue. {####M}\n',
    ]);
  });

  // Texts as the editor stores them (whitespace squashed), drawn mostly from GIFT's special characters.
  // Left out, and said so in the README: an answer starting with %…% (read as a weight; GIFT has no
  // escape for it), "->" in a matching term, gift-pegjs's internal "&&" placeholders, a leading [format].
  const text = fc
    .string({
      unit: fc.constantFrom('a', 'B', ' ', '~', '=', '#', '{', '}', ':', '\\', '/', '%', '-', '>', 'é', '“'),
      minLength: 1,
      maxLength: 12,
    })
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0 && !s.startsWith('%') && !s.includes('->') && !s.startsWith('['));
  const distinct = (n: number) => fc.uniqueArray(text, { minLength: 2, maxLength: n, selector: (s) => s.toLowerCase() });
  const explanation = fc.oneof(fc.constant(''), text);
  const number = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 1000);
  const common = { prompt: text, explanation, source: fc.constant('') };
  const question: fc.Arbitrary<EditableQuestion> = fc.oneof(
    distinct(6).chain((options) =>
      fc.record({
        type: fc.constant('single_choice' as const),
        ...common,
        options: fc.constant(options),
        answer: fc.nat(options.length - 1),
      }),
    ),
    distinct(6).chain((options) =>
      fc.record({
        type: fc.constant('multiple_choice' as const),
        ...common,
        options: fc.constant(options),
        answer: fc
          .subarray(
            options.map((_, i) => i),
            { minLength: 1, maxLength: options.length - 1 },
          )
          .map((xs) => [...xs].sort((a, b) => a - b)),
      }),
    ),
    fc.record({ type: fc.constant('true_false' as const), ...common, answer: fc.boolean() }),
    fc.record({ type: fc.constant('fill_blank' as const), ...common, answer: fc.array(text, { minLength: 1, maxLength: 10 }) }),
    fc.record({
      type: fc.constant('numeric' as const),
      ...common,
      answer: fc.record({ value: number, tolerance: fc.nat(1_000_000).map((n) => n / 1000) }),
    }),
    fc.record({ type: fc.constant('ordering' as const), ...common, items: distinct(10) }),
    fc.record({
      type: fc.constant('matching' as const),
      ...common,
      pairs: fc.tuple(distinct(10), distinct(10)).map(([l, r]) =>
        l
          .slice(0, r.length)
          .map((x, i) => [x, r[i]!] as [string, string])
          .slice(0, Math.min(l.length, r.length)),
      ),
    }),
    fc.record({
      type: fc.constant('open_response' as const),
      ...common,
      modelAnswer: text,
      rubric: fc.constant<RubricCriterion[]>([{ label: 'Reason', points: 2 }]),
    }),
  );

  it('round trip: export then import gives back the same questions (ordering as matching)', () => {
    fc.assert(
      fc.property(fc.array(question, { minLength: 1, maxLength: 5 }), (questions) => {
        const back = reimport(questionsToGift(questions)).map(strip);
        expect(back).toEqual(questions.map(carried));
      }),
      { numRuns: 300 },
    );
  });

  it('round trip: an intro goes out as descriptions and comes back before its question, paragraph by paragraph', () => {
    const intro = fc.array(text, { minLength: 1, maxLength: 3 }).map((paragraphs) => paragraphs.join('\n\n'));
    fc.assert(
      fc.property(fc.array(fc.tuple(question, fc.option(intro, { nil: undefined })), { minLength: 1, maxLength: 4 }), (pairs) => {
        const questions = pairs.map(([q, lead]) => (lead ? { ...q, intro: lead } : q));
        const back = reimport(questionsToGift(questions));
        expect(back.map((q) => q.intro)).toEqual(pairs.map(([, lead]) => lead));
        expect(back.map(strip)).toEqual(questions.map(carried));
      }),
      { numRuns: 200 },
    );
  });

  it('generated case studies go out one category per lesson and come back with every kind, key and tolerance', () => {
    const files = [
      'content/alibaba-ai-comeback.txt',
      'test/fixtures/harbor-coffee.md',
      'test/fixtures/nordlys-ferries.md',
      'test/fixtures/plain-pasted.txt',
    ];
    const kinds = new Set<string>();
    for (const file of files) {
      const parsed = parseCaseStudy(readFileSync(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error);
      const quiz = generateQuizzes(parsed.caseStudy);
      const sent = quiz.lessons.flatMap((l) => l.questions);
      const gift = caseToGift(parsed.caseStudy.title, quiz.lessons);
      // An article the generator finds nothing to ask in goes out as an empty file, not as bare categories.
      if (!sent.length) {
        expect(gift).toBe('');
        continue;
      }
      const back = reimport(gift);
      for (const q of sent) kinds.add(q.type);
      expect(back.map(strip)).toEqual(sent.map(carried));
      const path = (l: { title: string }) => [parsed.caseStudy.title, l.title].map((t) => t.replace(/\//g, '//')).join('/');
      expect(back.map((q) => q.category)).toEqual(quiz.lessons.flatMap((l) => l.questions.map(() => path(l))));
    }
    // The articles between them exercise several kinds, ordering among them.
    expect(kinds).toContain('ordering');
    // Generated quizzes hold choices, true/false and ordering; every other kind is exported by the tests above.
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });
});
