import { describe, expect, it } from 'vitest';
import { emptyForm, questionFromForm, questionToForm, type QuestionFormValues } from './edit';
import { toStoredQuestion } from './stored';
import type { Question } from './types';

const base = { explanation: 'The article says so.', source: 'Alibaba was founded in Hangzhou in 1999.' };
const samples: Question[] = [
  { type: 'single_choice', prompt: 'Where was Alibaba founded?', options: ['Shenzhen', 'Hangzhou', 'Beijing'], answer: 1, ...base },
  {
    type: 'multiple_choice',
    prompt: 'Which are Alibaba units?',
    options: ['Taobao', 'WeChat', 'Tmall', 'Douyin'],
    answer: [0, 2],
    ...base,
  },
  { type: 'true_false', prompt: 'Alibaba was founded in 1999.', answer: true, ...base },
  { type: 'fill_blank', prompt: 'Alibaba was founded in _____.', answer: ['Hangzhou', 'Hangzhou, China'], ...base },
  { type: 'numeric', prompt: 'In which year was Alibaba founded?', answer: { value: 1999, tolerance: 0 }, ...base },
  { type: 'ordering', prompt: 'Put these in order.', items: ['Founded', 'IPO', 'Qwen'], ...base },
  {
    type: 'matching',
    prompt: 'Match each unit to its business.',
    pairs: [
      ['Taobao', 'Marketplace'],
      ['Alipay', 'Payments'],
      ['Qwen', 'AI models'],
    ],
    ...base,
  },
];

/** What the browser would post for these form values. */
function post(form: QuestionFormValues): (name: string) => string[] {
  const fields: Record<string, string[]> = {
    prompt: [form.prompt],
    explanation: [form.explanation],
    source: [form.source],
    correct: form.type === 'true_false' ? [] : form.correct.map(String),
    truth: [String(form.truth)],
    lines: [form.lines],
    value: [form.value],
    tolerance: [form.tolerance],
    unit: [form.unit],
  };
  form.options.forEach((o, i) => (fields[`option.${i}`] = [o]));
  return (name) => fields[name] ?? [];
}

describe('question editor', () => {
  it.each(samples.map((q) => [q.type, q] as const))('round-trips a stored %s question through the form unchanged', (_type, q) => {
    const stored = toStoredQuestion(q);
    const form = questionToForm({ ...stored, data: stored.data, answerKey: stored.answerKey });
    const back = questionFromForm(q.type, post(form));
    expect(back.ok && back.question).toEqual(q);
  });

  it('drops empty option rows and re-numbers the key', () => {
    const form = {
      ...emptyForm('single_choice'),
      prompt: 'Where?',
      explanation: 'Because.',
      options: ['', 'Hangzhou', '', 'Beijing'],
      correct: [3],
    };
    const got = questionFromForm('single_choice', post(form));
    expect(got.ok && got.question).toMatchObject({ options: ['Hangzhou', 'Beijing'], answer: 1 });
  });

  const invalid: [string, string, Partial<QuestionFormValues>, string][] = [
    ['an unknown type', 'essay', {}, 'type'],
    ['an empty prompt', 'single_choice', { prompt: '  ' }, 'prompt'],
    ['no right option', 'single_choice', { correct: [] }, 'correct'],
    ['two right options on single choice', 'single_choice', { correct: [0, 1] }, 'correct'],
    ['every option right on multiple select', 'multiple_choice', { correct: [0, 1, 2] }, 'correct'],
    ['duplicate options', 'single_choice', { options: ['Hangzhou', 'hangzhou', 'Beijing'] }, 'options'],
    ['a key pointing at an empty row', 'single_choice', { options: ['Hangzhou', '', 'Beijing'], correct: [1] }, 'correct'],
    ['a number that is not one', 'numeric', { value: 'about 1999' }, 'value'],
    ['a negative tolerance', 'numeric', { value: '1999', tolerance: '-1' }, 'tolerance'],
    ['a matching row without a partner', 'matching', { lines: 'Taobao | Marketplace\nAlipay' }, 'lines'],
    ['a single ordering item', 'ordering', { lines: 'Founded' }, 'lines'],
  ];
  it.each(invalid)('rejects %s and names the field', (_what, type, override, field) => {
    const form: QuestionFormValues = {
      ...emptyForm(type === 'essay' ? 'single_choice' : (type as QuestionFormValues['type'])),
      prompt: 'Where was Alibaba founded?',
      explanation: 'Because.',
      options: ['Hangzhou', 'Shenzhen', 'Beijing'],
      correct: [0],
      ...override,
    };
    const got = questionFromForm(type, post(form));
    expect(got).toMatchObject({ ok: false, field });
  });

  it('warns about a generator flaw without refusing the edit', () => {
    const form = {
      ...emptyForm('single_choice'),
      prompt: 'Who?',
      explanation: 'Because.',
      options: ['Ma', 'Tsai', 'Jack Ma, founder of Alibaba and its long-time chairman'],
      correct: [2],
    };
    const got = questionFromForm('single_choice', post(form));
    expect(got.ok).toBe(true);
    expect(got.ok && got.warning).toBeTruthy();
  });
});
