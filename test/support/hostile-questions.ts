import fc from 'fast-check';
import { xmlSafe } from '@/lib/exchange/xml';
import type { EditableQuestion } from '@/lib/questions/editor';

/**
 * Random question lists whose texts are made of what breaks hand-written XML: markup characters,
 * "]]>", quotes, an asterisk (Moodle's short-answer wildcard), emoji, a lone surrogate and the control
 * characters XML 1.0 forbids. Texts are whitespace-squashed as the editor stores them; what an export
 * carries of them is `xmlSafe(text)`, so texts that would be empty or change at their ends once the
 * forbidden characters are gone are left out.
 */

const units = [
  'a',
  'B',
  ' ',
  '<',
  '>',
  '&',
  ']]>',
  '"',
  "'",
  '*',
  '\\',
  '/',
  '😀',
  'é',
  '\u0000',
  '\u0001',
  '\u001f',
  '\uffff',
  '\ud800',
  '\u0085',
];

const hostileText = fc
  .string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 14 })
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => {
    const safe = xmlSafe(s);
    return safe.length > 0 && safe === safe.trim() && !/\s{2}/.test(safe);
  });

const distinct = (n: number) => fc.uniqueArray(hostileText, { minLength: 2, maxLength: n, selector: (s) => xmlSafe(s).toLowerCase() });
const common = { prompt: hostileText, explanation: fc.oneof(fc.constant(''), hostileText), source: fc.constant('') };
const number = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 1000);

const hostileKind: fc.Arbitrary<EditableQuestion> = fc.oneof(
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
  fc.record({ type: fc.constant('fill_blank' as const), ...common, answer: fc.array(hostileText, { minLength: 1, maxLength: 10 }) }),
  fc.record({
    type: fc.constant('numeric' as const),
    ...common,
    answer: fc.record({ value: number, tolerance: fc.nat(1_000_000).map((n) => n / 1000) }),
    unit: hostileText,
  }),
  fc.record({ type: fc.constant('ordering' as const), ...common, items: distinct(10) }),
  fc.record({
    type: fc.constant('matching' as const),
    ...common,
    pairs: fc
      .tuple(distinct(10), fc.array(hostileText, { minLength: 10, maxLength: 10 }))
      .map(([l, r]) => l.map((x, i) => [x, r[i]!] as [string, string])),
  }),
  fc.record({
    type: fc.constant('open_response' as const),
    ...common,
    modelAnswer: hostileText,
    rubric: fc.array(fc.record({ label: hostileText, points: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 6 }),
  }),
);

/** A hostile question of any kind, one in three with an intro of one to three paragraphs. */
export const hostileQuestion: fc.Arbitrary<EditableQuestion> = fc
  .tuple(
    hostileKind,
    fc.oneof(
      fc.constant(undefined),
      fc.constant(undefined),
      fc.array(hostileText, { minLength: 1, maxLength: 3 }).map((paragraphs) => paragraphs.join('\n\n')),
    ),
  )
  .map(([q, intro]) => (intro ? { ...q, intro } : q));

/** What an XML export carries of a question: every text without the characters XML forbids. */
export function xmlCarried(q: EditableQuestion): EditableQuestion {
  const s = xmlSafe;
  // Paragraphs that XML leaves empty are dropped; an intro left with none is not written.
  const paragraphs = (q.intro ?? '')
    .split('\n\n')
    .map((para) => s(para).trim())
    .filter(Boolean);
  const intro = paragraphs.length ? { intro: paragraphs.join('\n\n') } : {};
  const common = { prompt: s(q.prompt), explanation: s(q.explanation), source: '', ...intro };
  switch (q.type) {
    case 'single_choice':
      return { type: q.type, ...common, options: q.options.map(s), answer: q.answer };
    case 'multiple_choice':
      return { type: q.type, ...common, options: q.options.map(s), answer: q.answer };
    case 'true_false':
      return { type: q.type, ...common, answer: q.answer };
    case 'fill_blank':
      return { type: q.type, ...common, answer: q.answer.map(s) };
    case 'numeric':
      return { type: q.type, ...common, answer: q.answer, ...(q.unit?.trim() ? { unit: s(q.unit.trim()) } : {}) };
    case 'ordering':
      return { type: q.type, ...common, items: q.items.map(s) };
    case 'matching':
      return { type: q.type, ...common, pairs: q.pairs.map(([l, r]) => [s(l), s(r)] as [string, string]) };
    case 'open_response':
      return {
        type: q.type,
        ...common,
        modelAnswer: s(q.modelAnswer),
        rubric: q.rubric.map((c) => ({ label: s(c.label), points: c.points })),
      };
  }
}

/** The articles whose generated quizzes the exports are checked on. */
export const SHIPPED = [
  'content/alibaba-ai-comeback.txt',
  'test/fixtures/harbor-coffee.md',
  'test/fixtures/nordlys-ferries.md',
  'test/fixtures/plain-pasted.txt',
];

/** Every question kind once, with the texts the editor allows. */
export const EVERY_KIND: EditableQuestion[] = [
  { type: 'single_choice', prompt: 'Where?', options: ['Oslo', 'Portland'], answer: 1, explanation: 'In 2012.', source: '' },
  { type: 'multiple_choice', prompt: 'Costs?', options: ['rent', 'wages', 'sales', 'tax'], answer: [0, 1, 3], explanation: '', source: '' },
  { type: 'true_false', prompt: 'Small?', answer: false, explanation: '', source: '' },
  { type: 'fill_blank', prompt: 'Who?', answer: ['Maya', 'Lindqvist'], explanation: '', source: '' },
  { type: 'numeric', prompt: 'Share?', answer: { value: 45, tolerance: 2.5 }, unit: '%', explanation: '', source: '' },
  { type: 'ordering', prompt: 'Order them', items: ['lease', 'roaster', 'warehouse'], explanation: '', source: '' },
  {
    type: 'matching',
    prompt: 'Match',
    pairs: [
      ['a', 'b'],
      ['c', 'd'],
    ],
    explanation: '',
    source: '',
  },
  {
    type: 'open_response',
    prompt: 'Argue.',
    modelAnswer: 'M',
    rubric: [{ label: 'Reason', points: 2 }],
    explanation: 'Weigh both.',
    source: '',
  },
];
