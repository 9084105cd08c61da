import { describe, expect, it } from 'vitest';
import { seedFromKey, shownAs, toStoredResponse } from '@/lib/grading/arrange';
import { readAnswerSheet } from '@/lib/grading/answer-sheet';
import { gradeSheet } from '@/lib/grading/grade';
import type { StoredAnswerKey as AnswerKey, StoredQuestionData as PublicQuestionData } from '@/lib/questions/kinds';
import { answerSheet } from './answer-sheet';

// One question of every kind the generator writes, with a key that is not the first option.
const quiz: { id: string; data: PublicQuestionData; answerKey: AnswerKey }[] = [
  { id: 'single', data: { type: 'single_choice', options: ['a', 'b', 'c'] }, answerKey: { type: 'single_choice', answer: 2 } },
  { id: 'multi', data: { type: 'multiple_choice', options: ['a', 'b', 'c', 'd'] }, answerKey: { type: 'multiple_choice', answer: [1, 3] } },
  { id: 'multi-one', data: { type: 'multiple_choice', options: ['a', 'b', 'c'] }, answerKey: { type: 'multiple_choice', answer: [0] } },
  { id: 'tf', data: { type: 'true_false' }, answerKey: { type: 'true_false', answer: false } },
  { id: 'blank', data: { type: 'fill_blank' }, answerKey: { type: 'fill_blank', answer: ['Hangzhou'] } },
  { id: 'number', data: { type: 'numeric', unit: '%' }, answerKey: { type: 'numeric', value: 15, tolerance: 0.75 } },
  { id: 'order', data: { type: 'ordering', items: ['b', 'c', 'a'] }, answerKey: { type: 'ordering', order: [2, 0, 1] } },
  {
    id: 'match',
    data: { type: 'matching', left: ['x', 'y', 'z'], right: ['1', '2', '3', '4'] },
    answerKey: { type: 'matching', match: [3, 0, 2] },
  },
];

/** Grades a sheet as the server does: on the quiz as its submission key showed it, mapped back to the stored order. */
function grade(getAll: ReturnType<typeof answerSheet>) {
  const shown = quiz.map((q) => shownAs(q, seedFromKey(getAll.submissionKey)));
  const read = readAnswerSheet(
    shown.map((s) => ({ id: s.question.id, data: s.data })),
    getAll,
  );
  const responses = new Map(
    [...read].map(([id, r]) => [
      id,
      toStoredResponse(
        shown.find((s) => s.question.id === id)!,
        r,
      ),
    ]),
  );
  return gradeSheet(quiz, responses);
}

describe('answerSheet (the test helper every DAL test submits with)', () => {
  it('answers every kind of question right', () => {
    const { score, maxScore, graded } = grade(answerSheet(quiz, 'right'));
    expect(graded.filter((g) => !g.correct).map((g) => g.questionId)).toEqual([]);
    expect(score).toBe(maxScore);
  });

  it('answers every kind of question wrong, each with a readable answer', () => {
    const getAll = answerSheet(quiz, 'wrong');
    const { score, graded } = grade(getAll);
    expect(score).toBe(0);
    // Wrong, not missing: every question got a response the grader read.
    expect(graded.filter((g) => g.response === null).map((g) => g.questionId)).toEqual([]);
  });

  it('mixes right, wrong and blank per question', () => {
    const { score, graded } = grade(answerSheet(quiz, (_, i) => (i === 0 ? 'right' : i === 1 ? 'wrong' : 'blank')));
    expect(score).toBe(1);
    expect(graded.filter((g) => g.response !== null).map((g) => g.questionId)).toEqual(['single', 'multi']);
  });
});
