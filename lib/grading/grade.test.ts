import { describe, expect, it } from 'vitest';
import type { AnswerKey, PublicQuestionData } from '@/lib/quizgen/types';
import { fieldName, readAnswerSheet } from './answer-sheet';
import { creditFor, gradeSheet, isCorrect, normalizeAnswerText, parseNumberAnswer } from './grade';
import { editDistanceAtMost, withinOneTypo } from './typo';

/** A question as the grader sees it: its public half (only the option count matters) and its key. */
function q(answerKey: AnswerKey, options = 5) {
  const data: PublicQuestionData =
    answerKey.type === 'single_choice' || answerKey.type === 'multiple_choice'
      ? { type: answerKey.type, options: Array.from({ length: options }, (_, i) => `option ${i}`) }
      : answerKey.type === 'ordering'
        ? { type: 'ordering', items: answerKey.order.map((i) => `item ${i}`) }
        : answerKey.type === 'matching'
          ? { type: 'matching', left: answerKey.match.map((i) => `term ${i}`), right: answerKey.match.map((i) => `match ${i}`) }
          : answerKey.type === 'numeric'
            ? { type: 'numeric' }
            : { type: answerKey.type };
  return { data, answerKey };
}

describe('isCorrect', () => {
  it('grades single choice by index', () => {
    expect(isCorrect(q({ type: 'single_choice', answer: 2 }), { type: 'single_choice', choice: 2 })).toBe(true);
    expect(isCorrect(q({ type: 'single_choice', answer: 2 }), { type: 'single_choice', choice: 1 })).toBe(false);
  });

  it('gives the whole mark for multiple select only when exactly the right choices are ticked, in any order, ignoring repeats', () => {
    const key = q({ type: 'multiple_choice', answer: [0, 3] });
    expect(isCorrect(key, { type: 'multiple_choice', choices: [3, 0, 3] })).toBe(true);
    expect(isCorrect(key, { type: 'multiple_choice', choices: [0] })).toBe(false);
    expect(isCorrect(key, { type: 'multiple_choice', choices: [0, 1, 3] })).toBe(false);
  });

  it('grades true/false', () => {
    expect(isCorrect(q({ type: 'true_false', answer: false }), { type: 'true_false', value: false })).toBe(true);
    expect(isCorrect(q({ type: 'true_false', answer: false }), { type: 'true_false', value: true })).toBe(false);
  });

  it('accepts fill-in answers whatever their case, spacing, curly quotes or final full stop', () => {
    const key = q({ type: 'fill_blank', answer: ['Jack Ma', 'Ma Yun'] });
    for (const text of ['jack ma', '  JACK   MA. ', 'Ma Yun', '“Jack Ma”'])
      expect(isCorrect(key, { type: 'fill_blank', text }), text).toBe(true);
    expect(isCorrect(key, { type: 'fill_blank', text: 'Jack' })).toBe(false);
    expect(isCorrect(key, { type: 'fill_blank', text: '' })).toBe(false);
  });

  it('grades numbers within the tolerance', () => {
    expect(isCorrect(q({ type: 'numeric', value: 2.8, tolerance: 0 }), { type: 'numeric', value: 2.8 })).toBe(true);
    expect(isCorrect(q({ type: 'numeric', value: 2.8, tolerance: 0 }), { type: 'numeric', value: 2.9 })).toBe(false);
    expect(isCorrect(q({ type: 'numeric', value: 100, tolerance: 5 }), { type: 'numeric', value: 104.5 })).toBe(true);
  });

  it('grades ordering and matching', () => {
    // Shown items [B, C, A]; correct order A, B, C is shown indexes [2, 0, 1].
    const order = q({ type: 'ordering', order: [2, 0, 1] });
    expect(isCorrect(order, { type: 'ordering', positions: [1, 2, 0] })).toBe(true);
    expect(isCorrect(order, { type: 'ordering', positions: [0, 1, 2] })).toBe(false);
    expect(isCorrect(q({ type: 'matching', match: [1, 0, 2] }), { type: 'matching', choices: [1, 0, 2] })).toBe(true);
    expect(isCorrect(q({ type: 'matching', match: [1, 0, 2] }), { type: 'matching', choices: [1, 2, 0] })).toBe(false);
  });

  it('never credits a missing answer or one of another kind', () => {
    expect(isCorrect(q({ type: 'true_false', answer: true }), null)).toBe(false);
    expect(isCorrect(q({ type: 'true_false', answer: true }), { type: 'single_choice', choice: 0 })).toBe(false);
  });
});

describe('creditFor: partial credit as Moodle gives it', () => {
  it('gives multiple select a share per right choice: 2 of 3 right and none wrong earns 2/3', () => {
    const key = q({ type: 'multiple_choice', answer: [0, 2, 4] }, 6);
    expect(creditFor(key, { type: 'multiple_choice', choices: [0, 2] })).toBeCloseTo(2 / 3);
    expect(creditFor(key, { type: 'multiple_choice', choices: [4] })).toBeCloseTo(1 / 3);
    expect(creditFor(key, { type: 'multiple_choice', choices: [0, 2, 4] })).toBe(1);
  });

  it('takes a share away for each wrong choice, floored at 0, so ticking every box earns nothing', () => {
    // 3 right and 3 wrong options: each right tick +1/3, each wrong tick −1/3.
    const key = q({ type: 'multiple_choice', answer: [0, 2, 4] }, 6);
    expect(creditFor(key, { type: 'multiple_choice', choices: [0, 2, 1] })).toBeCloseTo(1 / 3);
    expect(creditFor(key, { type: 'multiple_choice', choices: [0, 1, 3] })).toBe(0);
    expect(creditFor(key, { type: 'multiple_choice', choices: [0, 1, 2, 3, 4, 5] })).toBe(0);
    expect(creditFor(key, { type: 'multiple_choice', choices: [1, 3, 5] })).toBe(0);
  });

  it('gives matching the share of right pairs: 1 of 3 earns 1/3', () => {
    const key = q({ type: 'matching', match: [2, 0, 1] });
    expect(creditFor(key, { type: 'matching', choices: [2, 1, 0] })).toBeCloseTo(1 / 3);
    expect(creditFor(key, { type: 'matching', choices: [2, 0, -1] })).toBeCloseTo(2 / 3);
    expect(creditFor(key, { type: 'matching', choices: [0, 1, 2] })).toBe(0);
  });

  it('gives ordering the share of items in their right position', () => {
    // Right order: shown item 2, then 0, then 1, then 3.
    const key = q({ type: 'ordering', order: [2, 0, 1, 3] });
    expect(creditFor(key, { type: 'ordering', positions: [1, 2, 0, 3] })).toBe(1);
    expect(creditFor(key, { type: 'ordering', positions: [2, 1, 0, 3] })).toBeCloseTo(2 / 4);
    expect(creditFor(key, { type: 'ordering', positions: [0, 1, 2, 3] })).toBeCloseTo(1 / 4);
  });

  it('keeps all-or-nothing for single choice, true/false and numbers', () => {
    expect(creditFor(q({ type: 'single_choice', answer: 1 }), { type: 'single_choice', choice: 0 })).toBe(0);
    expect(creditFor(q({ type: 'numeric', value: 2019, tolerance: 0 }), { type: 'numeric', value: 2018 })).toBe(0);
  });
});

describe('one typo in a fill-in answer', () => {
  const key = q({ type: 'fill_blank', answer: ['disappearance', 'Ma Yun', 'Alibaba', 'Cainiao 2019'] });
  const credit = (text: string) => creditFor(key, { type: 'fill_blank', text });

  it('accepts one letter missing, extra, wrong or two letters swapped in an answer of six or more letters', () => {
    for (const text of ['disapearance', 'disappearrance', 'disappearence', 'disappaerance', 'Alibaab', 'Aliaba'])
      expect(credit(text), text).toBe(1);
  });

  it('refuses two slips', () => {
    for (const text of ['disapearence', 'dissapearrance', 'Alibbaab']) expect(credit(text), text).toBe(0);
  });

  it('never accepts a slip in an answer of fewer than six letters, nor in one holding a number', () => {
    // "Ma Yun" has five letters; "Cainiao 2019" holds a year.
    for (const text of ['Ma Yan', 'Ma Yn', 'Cainiao 2018', 'Cainao 2019']) expect(credit(text), text).toBe(0);
    expect(withinOneTypo('2020', '2021')).toBe(false);
    expect(withinOneTypo('fived', 'fives')).toBe(false);
    expect(withinOneTypo('sixers', 'sixerz')).toBe(true);
  });

  it('measures the optimal string alignment distance', () => {
    expect(editDistanceAtMost('abcdef', 'abdcef', 1)).toBe(true);
    expect(editDistanceAtMost('abcdef', 'badcef', 1)).toBe(false);
    expect(editDistanceAtMost('abcdef', 'badcef', 2)).toBe(true);
    expect(editDistanceAtMost('', 'a', 1)).toBe(true);
    expect(editDistanceAtMost('kitten', 'sitting', 2)).toBe(false);
    expect(editDistanceAtMost('kitten', 'sitting', 3)).toBe(true);
    // Code points, not UTF-16 halves: one emoji is one letter.
    expect(editDistanceAtMost('caf😀s', 'cafés', 1)).toBe(true);
  });
});

describe('parseNumberAnswer and normalizeAnswerText', () => {
  it('reads numbers as people type them', () => {
    expect(parseNumberAnswer('2.8')).toBe(2.8);
    expect(parseNumberAnswer(' 20 %')).toBe(20);
    expect(parseNumberAnswer('$10')).toBe(10);
    expect(parseNumberAnswer('2,800')).toBe(2800);
    expect(parseNumberAnswer('ten')).toBeNull();
    expect(parseNumberAnswer('1e999')).toBeNull();
  });

  it('folds case and spacing', () => {
    expect(normalizeAnswerText('  Plan   B. ')).toBe('plan b');
  });

  it('treats hyphenation, spacing, a leading article and apostrophes as the same answer', () => {
    const key = q({ type: 'fill_blank', answer: ['front-line staff', "Midwest Nurses' Association"] });
    for (const text of ['frontline staff', 'Front line staff', 'the Midwest Nurses Association', 'Midwest Nurses’ Association']) {
      expect(isCorrect(key, { type: 'fill_blank', text }), text).toBe(true);
    }
    for (const text of ['front staff', 'staff', 'Midwest Association', '']) {
      expect(isCorrect(key, { type: 'fill_blank', text }), text).toBe(false);
    }
  });
});

describe('readAnswerSheet', () => {
  const questions: { id: string; data: PublicQuestionData }[] = [
    { id: 'a', data: { type: 'single_choice', options: ['x', 'y', 'z'] } },
    { id: 'b', data: { type: 'multiple_choice', options: ['x', 'y', 'z'] } },
    { id: 'c', data: { type: 'true_false' } },
    { id: 'd', data: { type: 'fill_blank' } },
    { id: 'e', data: { type: 'numeric' } },
    { id: 'f', data: { type: 'ordering', items: ['p', 'q', 'r'] } },
  ];
  const form = (fields: [string, string][]) => (name: string) => fields.filter(([k]) => k === name).map(([, v]) => v);

  it('reads every kind of answer', () => {
    const sheet = readAnswerSheet(
      questions,
      form([
        [fieldName('a'), '1'],
        [fieldName('b'), '0'],
        [fieldName('b'), '2'],
        [fieldName('c'), 'false'],
        [fieldName('d'), ' Huawei '],
        [fieldName('e'), '2.8'],
        [fieldName('f', 0), '2'],
        [fieldName('f', 1), '0'],
        [fieldName('f', 2), '1'],
      ]),
    );
    expect(Object.fromEntries(sheet)).toEqual({
      a: { type: 'single_choice', choice: 1 },
      b: { type: 'multiple_choice', choices: [0, 2] },
      c: { type: 'true_false', value: false },
      d: { type: 'fill_blank', text: 'Huawei' },
      e: { type: 'numeric', value: 2.8 },
      f: { type: 'ordering', positions: [2, 0, 1] },
    });
  });

  it('ignores forged fields: out-of-range choices, unknown questions and a client-sent score', () => {
    const sheet = readAnswerSheet(
      questions,
      form([
        [fieldName('a'), '9'],
        [fieldName('b'), '-1'],
        [fieldName('c'), 'yes'],
        [fieldName('zzz'), '0'],
        ['score', '100'],
        ['isCorrect', 'true'],
      ]),
    );
    expect(sheet.size).toBe(0);
  });

  it('grades a sheet: unanswered questions score zero, partial credit adds up', () => {
    const result = gradeSheet(
      [
        { id: 'a', ...q({ type: 'single_choice', answer: 1 }) },
        { id: 'c', ...q({ type: 'true_false', answer: true }) },
        { id: 'm', ...q({ type: 'matching', match: [0, 1, 2, 3] }) },
      ],
      new Map([
        ['a', { type: 'single_choice', choice: 1 }],
        ['m', { type: 'matching', choices: [0, 1, 3, 2] }],
      ]),
    );
    expect(result.score).toBe(1.5);
    expect(result.maxScore).toBe(3);
    expect(result.graded[1]).toEqual({ questionId: 'c', response: null, credit: 0, correct: false });
    expect(result.graded[2]).toMatchObject({ questionId: 'm', credit: 0.5, correct: false });
  });
});
