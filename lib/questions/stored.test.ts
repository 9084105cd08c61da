import { describe, expect, it } from 'vitest';
import { toStoredColumns, type EditableQuestion } from './editor';
import { fromStoredColumns } from './stored';

const base = { explanation: 'Because the case says so.', source: 'The case, paragraph 2.' };
const samples: EditableQuestion[] = [
  { type: 'single_choice', prompt: 'Which city?', options: ['Oslo', 'Bergen', 'Tromsø'], answer: 2, ...base },
  { type: 'multiple_choice', prompt: 'Which ports?', options: ['A', 'B', 'C', 'D'], answer: [0, 3], ...base },
  { type: 'true_false', prompt: 'The ferry is electric.', answer: false, ...base },
  { type: 'fill_blank', prompt: 'The route crosses the _____.', answer: ['fjord', 'Sognefjord'], ...base },
  { type: 'numeric', prompt: 'How many ferries?', answer: { value: 4.5, tolerance: 0.5 }, unit: 'ferries', ...base },
  { type: 'ordering', prompt: 'Put in order.', items: ['Plan', 'Build', 'Test', 'Sail', 'Review'], ...base },
  {
    type: 'matching',
    prompt: 'Match each person to a role.',
    pairs: [
      ['Ann', 'captain'],
      ['Ben', 'engineer'],
      ['Cy', 'planner'],
      ['Di', 'buyer'],
    ],
    ...base,
  },
  { type: 'open_response', prompt: 'Argue.', modelAnswer: 'A model.', rubric: [{ label: 'Evidence', points: 4 }], ...base },
];

describe('fromStoredColumns', () => {
  it.each(samples.map((q) => [q.type, q] as const))('gives back the %s question it was stored from', (_, q) => {
    const stored = toStoredColumns(q);
    // Ordering and matching are stored shuffled: the round trip must undo the shuffle.
    if (q.type === 'ordering') expect(stored.data).not.toEqual({ type: 'ordering', items: q.items });
    expect(fromStoredColumns(stored)).toEqual(q);
  });

  it('refuses a key that does not fit its data', () => {
    expect(
      fromStoredColumns({
        ...base,
        prompt: 'x',
        data: { type: 'single_choice', options: ['a', 'b'] },
        answerKey: { type: 'single_choice', answer: 2 },
      }),
    ).toBeNull();
    expect(
      fromStoredColumns({ ...base, prompt: 'x', data: { type: 'true_false' }, answerKey: { type: 'fill_blank', answer: ['a'] } }),
    ).toBeNull();
    expect(
      fromStoredColumns({
        ...base,
        prompt: 'x',
        data: { type: 'matching', left: ['a', 'b'], right: ['c', 'd'] },
        answerKey: { type: 'matching', match: [0, 5] },
      }),
    ).toBeNull();
  });
});
