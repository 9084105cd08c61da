import { describe, expect, it } from 'vitest';
import type { StoredQuestionData } from '@/lib/questions/kinds';
import type { AnswerKey, PublicQuestionData, Response } from '@/lib/quizgen/types';
import { arrangeQuiz, seedFromKey, toStoredResponse } from './arrange';
import { creditFor } from './grade';

const pool: { id: string; data: PublicQuestionData; answerKey: AnswerKey }[] = [
  { id: 'single', data: { type: 'single_choice', options: ['a', 'b', 'c', 'd'] }, answerKey: { type: 'single_choice', answer: 2 } },
  {
    id: 'multi',
    data: { type: 'multiple_choice', options: ['a', 'b', 'c', 'd', 'e'] },
    answerKey: { type: 'multiple_choice', answer: [0, 3] },
  },
  { id: 'order', data: { type: 'ordering', items: ['B', 'C', 'A', 'D'] }, answerKey: { type: 'ordering', order: [2, 0, 1, 3] } },
  {
    id: 'match',
    data: { type: 'matching', left: ['x', 'y', 'z'], right: ['Z', 'X', 'Y'] },
    answerKey: { type: 'matching', match: [1, 2, 0] },
  },
  { id: 'tf', data: { type: 'true_false' }, answerKey: { type: 'true_false', answer: true } },
  { id: 'fill', data: { type: 'fill_blank' }, answerKey: { type: 'fill_blank', answer: ['Hangzhou'] } },
];

/** The right answer as a learner would give it on the shown (shuffled) question. */
function rightAnswerAsShown(shown: ReturnType<typeof arrangeQuiz<(typeof pool)[number]>>[number]): Response {
  const { answerKey: key } = shown.question;
  const shownIndex = (stored: number) => shown.options.indexOf(stored);
  switch (key.type) {
    case 'single_choice':
      return { type: 'single_choice', choice: shownIndex(key.answer) };
    case 'multiple_choice':
      return { type: 'multiple_choice', choices: key.answer.map(shownIndex) };
    case 'ordering': {
      // key.order[position] = stored item; the shown item k is stored item options[k].
      return { type: 'ordering', positions: shown.options.map((storedItem) => key.order.indexOf(storedItem)) };
    }
    case 'matching':
      return { type: 'matching', choices: shown.rows.map((storedRow) => shownIndex(key.match[storedRow]!)) };
    case 'true_false':
      return { type: 'true_false', value: key.answer };
    default:
      return { type: 'fill_blank', text: 'Hangzhou' };
  }
}

describe('arrangeQuiz', () => {
  it('gives the same quiz for the same seed and another order for most other seeds', () => {
    const a = arrangeQuiz(pool, seedFromKey('attempt-1'));
    expect(arrangeQuiz(pool, seedFromKey('attempt-1'))).toEqual(a);
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) =>
        arrangeQuiz(pool, seedFromKey(`attempt-${i}`))
          .map((s) => s.question.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(10);
    const firstOptions = new Set(
      Array.from({ length: 20 }, (_, i) =>
        (
          arrangeQuiz(pool, seedFromKey(`attempt-${i}`)).find((s) => s.question.id === 'single')!.data as { options: string[] }
        ).options.join(),
      ),
    );
    expect(firstOptions.size).toBeGreaterThan(5);
  });

  it('keeps options that are one scale in their order, and grades them on that order', () => {
    const scale = ['Rose by about 5%.', 'Rose by about 10%.', 'Rose by about 15%.', 'Rose by about 40%.'];
    const scaled = [
      ...pool,
      {
        id: 'size',
        data: { type: 'single_choice', options: scale } as PublicQuestionData,
        answerKey: { type: 'single_choice', answer: 2 } as AnswerKey,
      },
    ];
    for (let i = 0; i < 20; i++) {
      const shown = arrangeQuiz(scaled, seedFromKey(`scale-${i}`)).find((s) => s.question.id === 'size')!;
      expect((shown.data as { options: string[] }).options).toEqual(scale);
      const response = rightAnswerAsShown(shown as never);
      expect(creditFor(shown.question, toStoredResponse(shown as never, response))).toBe(1);
    }
    // The same options out of order are shuffled like any others.
    const unordered = [
      { ...scaled.at(-1)!, data: { type: 'single_choice', options: [scale[2]!, scale[0]!, scale[3]!, scale[1]!] } as PublicQuestionData },
    ];
    const seen = new Set(
      Array.from({ length: 20 }, (_, i) =>
        (arrangeQuiz(unordered, seedFromKey(`u-${i}`))[0]!.data as { options: string[] }).options.join(),
      ),
    );
    expect(seen.size).toBeGreaterThan(3);
  });

  it('gives the same quiz whatever order the pool was read in', () => {
    const reversed = [...pool].reverse();
    expect(arrangeQuiz(reversed, 99).map((s) => [s.question.id, s.data])).toEqual(
      arrangeQuiz(pool, 99).map((s) => [s.question.id, s.data]),
    );
  });

  it('draws at most the quiz length from a larger pool, each question once, and different sets for different attempts', () => {
    const big = Array.from({ length: 25 }, (_, i) => ({ id: `q${i}`, data: { type: 'true_false' } as PublicQuestionData }));
    const sets = Array.from({ length: 10 }, (_, i) => arrangeQuiz(big, seedFromKey(`k${i}`), 10).map((s) => s.question.id));
    for (const set of sets) {
      expect(set).toHaveLength(10);
      expect(new Set(set).size).toBe(10);
    }
    expect(new Set(sets.map((s) => [...s].sort().join())).size).toBeGreaterThan(1);
    expect(arrangeQuiz(pool, 7, 10)).toHaveLength(pool.length);
  });

  it('always draws an open-response question (an instructor wrote it to be answered), at a shuffled place', () => {
    const closed = Array.from({ length: 24 }, (_, i) => ({ id: `q${i}`, data: { type: 'true_false' } as StoredQuestionData }));
    const pool = [...closed, { id: 'q-written', data: { type: 'open_response' } as StoredQuestionData }];
    const places = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const drawn = arrangeQuiz(pool, seedFromKey(`w${i}`), 10).map((s) => s.question.id);
      expect(drawn).toHaveLength(10);
      expect(new Set(drawn).size).toBe(10);
      expect(drawn).toContain('q-written');
      places.add(drawn.indexOf('q-written'));
    }
    expect(places.size).toBeGreaterThan(3);
  });

  it('maps every right answer given on the shuffled quiz back to the stored key, for 200 seeds', () => {
    let checked = 0;
    for (let seed = 0; seed < 200; seed++) {
      for (const shown of arrangeQuiz(pool, seed)) {
        const stored = toStoredResponse(shown, rightAnswerAsShown(shown));
        expect(creditFor(shown.question, stored), `${shown.question.id} with seed ${seed}`).toBe(1);
        checked += 1;
      }
    }
    expect(checked).toBe(200 * pool.length);
  });

  it('maps a partly right matching answer to the same share of right pairs', () => {
    const shown = arrangeQuiz(pool, 42).find((s) => s.question.id === 'match')!;
    const right = rightAnswerAsShown(shown) as Extract<Response, { type: 'matching' }>;
    const oneWrong = { ...right, choices: right.choices.map((c, r) => (r === 0 ? -1 : c)) };
    expect(creditFor(shown.question, toStoredResponse(shown, oneWrong))).toBeCloseTo(2 / 3);
  });
});
