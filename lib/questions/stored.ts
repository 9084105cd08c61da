import type { EditableQuestion } from './editor';
import { OPEN_RESPONSE, type StoredAnswerKey, type StoredQuestionData } from './kinds';

/** A stored question (public data and key in their own columns) as the question it was saved from. */
interface StoredColumns {
  intro?: string | null;
  prompt: string;
  explanation: string;
  source: string;
  data: StoredQuestionData;
  answerKey: StoredAnswerKey;
}

/**
 * The inverse of toStoredColumns (lib/questions/editor): what exports (GIFT, Moodle XML, QTI) write.
 * Ordering items come back in their right order and matching pairs joined again; null when the key
 * does not fit the data (a row no editor could have written).
 */
export function fromStoredColumns(q: StoredColumns): EditableQuestion | null {
  const base = { prompt: q.prompt, explanation: q.explanation, source: q.source, ...(q.intro ? { intro: q.intro } : {}) };
  const { data, answerKey: key } = q;
  if (key.type === OPEN_RESPONSE) return { type: OPEN_RESPONSE, ...base, modelAnswer: key.modelAnswer, rubric: key.rubric };
  if (data.type === 'single_choice' && key.type === 'single_choice')
    return key.answer < data.options.length ? { type: data.type, ...base, options: data.options, answer: key.answer } : null;
  if (data.type === 'multiple_choice' && key.type === 'multiple_choice')
    return key.answer.every((i) => i < data.options.length)
      ? { type: data.type, ...base, options: data.options, answer: key.answer }
      : null;
  if (data.type === 'true_false' && key.type === 'true_false') return { type: data.type, ...base, answer: key.answer };
  if (data.type === 'fill_blank' && key.type === 'fill_blank') return { type: data.type, ...base, answer: key.answer };
  if (data.type === 'numeric' && key.type === 'numeric')
    return { type: data.type, ...base, answer: { value: key.value, tolerance: key.tolerance }, ...(data.unit ? { unit: data.unit } : {}) };
  if (data.type === 'ordering' && key.type === 'ordering') {
    const items = key.order.map((i) => data.items[i]);
    return items.every((i) => i !== undefined) && items.length === data.items.length
      ? { type: data.type, ...base, items: items as string[] }
      : null;
  }
  if (data.type === 'matching' && key.type === 'matching') {
    const pairs = data.left.map((l, i) => [l, data.right[key.match[i] ?? -1]] as const);
    return pairs.every((p) => p[1] !== undefined) ? { type: data.type, ...base, pairs: pairs as [string, string][] } : null;
  }
  return null;
}
