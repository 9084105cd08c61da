import { z } from 'zod';
import { findFlaw } from './flaws';
import { QUESTION_TYPES, type AnswerKey, type PublicQuestionData, type Question, type QuestionType } from './types';

/**
 * The instructor's question editor, as pure functions: a stored question becomes flat form values,
 * and submitted form values become a checked Question (the generator's shape, key included).
 */

const MAX_OPTIONS = 6;
const MAX_LINES = 10;

export interface QuestionFormValues {
  type: QuestionType;
  prompt: string;
  explanation: string;
  source: string;
  /** Choice questions: the option texts and the indices of the right ones. */
  options: string[];
  correct: number[];
  /** True/false. */
  truth: boolean;
  /** Fill-in: accepted answers, one per line. Ordering: items in the right order. Matching: "term | match". */
  lines: string;
  value: string;
  tolerance: string;
  unit: string;
}

export function emptyForm(type: QuestionType): QuestionFormValues {
  return {
    type,
    prompt: '',
    explanation: '',
    source: '',
    options: [],
    correct: [],
    truth: true,
    lines: '',
    value: '',
    tolerance: '0',
    unit: '',
  };
}

/** A stored question (public data and its key) as the values of the edit form. */
export function questionToForm(q: {
  prompt: string;
  explanation: string;
  source: string;
  data: PublicQuestionData;
  answerKey: AnswerKey;
}): QuestionFormValues {
  const base = { ...emptyForm(q.data.type), prompt: q.prompt, explanation: q.explanation, source: q.source };
  const { data, answerKey: key } = q;
  if (
    (data.type === 'single_choice' || data.type === 'multiple_choice') &&
    (key.type === 'single_choice' || key.type === 'multiple_choice')
  )
    return { ...base, options: data.options, correct: key.type === 'single_choice' ? [key.answer] : key.answer };
  if (key.type === 'true_false') return { ...base, truth: key.answer };
  if (key.type === 'fill_blank') return { ...base, lines: key.answer.join('\n') };
  if (key.type === 'numeric')
    return { ...base, value: String(key.value), tolerance: String(key.tolerance), unit: data.type === 'numeric' ? (data.unit ?? '') : '' };
  if (data.type === 'ordering' && key.type === 'ordering') return { ...base, lines: key.order.map((i) => data.items[i]).join('\n') };
  if (data.type === 'matching' && key.type === 'matching')
    return { ...base, lines: data.left.map((l, i) => `${l} | ${data.right[key.match[i]!]}`).join('\n') };
  return base;
}

const text = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, `${label} cannot be empty.`).max(max, `${label} must be under ${max} characters.`));
const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const dedupe = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase())).size === xs.length;

type QuestionFromForm = { ok: true; question: Question; warning: string | null } | { ok: false; message: string; field: string };

/**
 * Reads the editor's fields (getAll as FormData.getAll) into a question. Returns the first problem
 * with the field it belongs to; a generator flaw (the key is the longest option, say) is only a
 * warning, because the instructor has the last word.
 */
export function questionFromForm(typeInput: string, getAll: (name: string) => string[]): QuestionFromForm {
  const one = (name: string) => (getAll(name)[0] ?? '').slice(0, 5000);
  const type = QUESTION_TYPES.find((t) => t === typeInput);
  if (!type) return { ok: false, message: 'Choose a question type.', field: 'type' };
  const common = z.object({
    prompt: text('The question', 1000),
    explanation: text('The explanation', 2000),
    source: z.string().max(2000, 'The source must be under 2000 characters.'),
  });
  const parsed = common.safeParse({ prompt: one('prompt'), explanation: one('explanation'), source: one('source').trim() });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: issue.message, field: String(issue.path[0] ?? 'prompt') };
  }
  const base = { ...parsed.data, source: parsed.data.source.replace(/\s+/g, ' ') };
  const fail = (message: string, field: string): QuestionFromForm => ({ ok: false, message, field });
  let question: Question;
  switch (type) {
    case 'single_choice':
    case 'multiple_choice': {
      const raw = Array.from({ length: MAX_OPTIONS }, (_, i) => one(`option.${i}`).replace(/\s+/g, ' ').trim());
      const kept = raw.map((o, i) => ({ o, i })).filter((x) => x.o);
      if (kept.length < 2) return fail('Give at least two options.', 'options');
      if (kept.some((x) => x.o.length > 300)) return fail('Keep each option under 300 characters.', 'options');
      if (!dedupe(kept.map((x) => x.o))) return fail('Two options say the same thing.', 'options');
      const marked = new Set(getAll('correct').map(Number));
      const answer = kept.flatMap((x, newIndex) => (marked.has(x.i) ? [newIndex] : []));
      if (!answer.length) return fail('Mark the right option.', 'correct');
      if (type === 'single_choice') {
        if (answer.length > 1) return fail('A single-choice question has exactly one right option.', 'correct');
        question = { type, ...base, options: kept.map((x) => x.o), answer: answer[0]! };
      } else {
        if (answer.length === kept.length) return fail('Leave at least one option wrong.', 'correct');
        question = { type, ...base, options: kept.map((x) => x.o), answer };
      }
      break;
    }
    case 'true_false': {
      const v = one('truth');
      if (v !== 'true' && v !== 'false') return fail('Say whether the statement is true or false.', 'truth');
      question = { type, ...base, answer: v === 'true' };
      break;
    }
    case 'fill_blank': {
      const accepted = lines(one('lines'));
      if (!accepted.length) return fail('Give at least one accepted answer.', 'lines');
      if (accepted.length > MAX_LINES || accepted.some((a) => a.length > 200))
        return fail(`Give at most ${MAX_LINES} answers of under 200 characters.`, 'lines');
      question = { type, ...base, answer: accepted };
      break;
    }
    case 'numeric': {
      const value = Number(one('value').trim());
      const tolerance = Number(one('tolerance').trim() || '0');
      if (!one('value').trim() || !Number.isFinite(value)) return fail('The answer must be a number, such as 2.8 or 15.', 'value');
      if (!Number.isFinite(tolerance) || tolerance < 0) return fail('The tolerance must be zero or a positive number.', 'tolerance');
      const unit = one('unit').trim().slice(0, 20);
      question = { type, ...base, answer: { value, tolerance }, ...(unit ? { unit } : {}) };
      break;
    }
    case 'ordering': {
      const items = lines(one('lines'));
      if (items.length < 2 || items.length > MAX_LINES)
        return fail(`List 2 to ${MAX_LINES} items, one per line, in the right order.`, 'lines');
      if (!dedupe(items)) return fail('Two items say the same thing.', 'lines');
      question = { type, ...base, items };
      break;
    }
    case 'matching': {
      const rows = lines(one('lines')).map((l) => l.split('|').map((p) => p.trim()));
      if (rows.length < 2 || rows.length > MAX_LINES)
        return fail(`List 2 to ${MAX_LINES} pairs, one per line, as "term | match".`, 'lines');
      if (rows.some((r) => r.length !== 2 || !r[0] || !r[1])) return fail('Write each pair as "term | match".', 'lines');
      if (!dedupe(rows.map((r) => r[0]!)) || !dedupe(rows.map((r) => r[1]!)))
        return fail('Each term and each match must appear once.', 'lines');
      question = { type, ...base, pairs: rows.map((r) => [r[0]!, r[1]!] as [string, string]) };
      break;
    }
  }
  const flaw = findFlaw({ ...question, source: question.source || 'written by the instructor' });
  return { ok: true, question, warning: flaw };
}
