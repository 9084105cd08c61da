import type { StoredAnswerKey, StoredQuestionData, StoredResponse } from '@/lib/questions/kinds';

const list = (xs: string[]) => xs.map((x) => x.replace(/[.;]$/, '')).join('; ');

/** The right answer in words, for the result page (shown only after grading). */
export function describeKey(data: StoredQuestionData, key: StoredAnswerKey): string {
  if (key.type === 'open_response') return key.modelAnswer;
  if (data.type === 'single_choice' && key.type === 'single_choice') return data.options[key.answer] ?? '';
  if (data.type === 'multiple_choice' && key.type === 'multiple_choice') return list(key.answer.map((i) => data.options[i] ?? ''));
  if (key.type === 'true_false') return key.answer ? 'True' : 'False';
  if (key.type === 'fill_blank') return key.answer[0] ?? '';
  if (key.type === 'numeric') {
    const unit = data.type === 'numeric' && data.unit ? (data.unit === '%' ? '%' : ` ${data.unit}`) : '';
    return `${key.value}${unit}${key.tolerance ? ` (± ${key.tolerance})` : ''}`;
  }
  if (data.type === 'ordering' && key.type === 'ordering') return key.order.map((i, n) => `${n + 1}. ${data.items[i]}`).join(' ');
  if (data.type === 'matching' && key.type === 'matching') return list(data.left.map((l, i) => `${l} → ${data.right[key.match[i]!]}`));
  return '';
}

/** What the learner answered, in words. */
export function describeResponse(data: StoredQuestionData, response: StoredResponse | null): string {
  if (!response) return 'Not answered';
  if (response.type === 'open_response') return response.text;
  if (data.type === 'single_choice' && response.type === 'single_choice') return data.options[response.choice] ?? '';
  if (data.type === 'multiple_choice' && response.type === 'multiple_choice')
    return list(response.choices.map((i) => data.options[i] ?? ''));
  if (response.type === 'true_false') return response.value ? 'True' : 'False';
  if (response.type === 'fill_blank') return response.text;
  if (response.type === 'numeric') return String(response.value);
  if (data.type === 'ordering' && response.type === 'ordering') {
    const byPosition = data.items
      .map((item, i) => ({ item, position: response.positions[i] ?? -1 }))
      .sort((a, b) => a.position - b.position);
    return byPosition.map(({ item, position }) => `${position >= 0 ? position + 1 : '–'}. ${item}`).join(' ');
  }
  if (data.type === 'matching' && response.type === 'matching')
    return list(data.left.map((l, i) => `${l} → ${data.right[response.choices[i] ?? -1] ?? '–'}`));
  return '';
}
