import { describe, expect, it } from 'vitest';
import type { PublicQuestionData } from '@/lib/quizgen/types';
import { fieldName, readAnswerSheet } from './answer-sheet';
import { gradeSheet, isCorrect, normalizeAnswerText, parseNumberAnswer } from './grade';

describe('isCorrect', () => {
  it('grades single choice by index', () => {
    expect(isCorrect({ type: 'single_choice', answer: 2 }, { type: 'single_choice', choice: 2 })).toBe(true);
    expect(isCorrect({ type: 'single_choice', answer: 2 }, { type: 'single_choice', choice: 1 })).toBe(false);
  });

  it('grades multiple select as all-or-nothing, in any order, ignoring repeats', () => {
    const key = { type: 'multiple_choice' as const, answer: [0, 3] };
    expect(isCorrect(key, { type: 'multiple_choice', choices: [3, 0, 3] })).toBe(true);
    expect(isCorrect(key, { type: 'multiple_choice', choices: [0] })).toBe(false);
    expect(isCorrect(key, { type: 'multiple_choice', choices: [0, 1, 3] })).toBe(false);
  });

  it('grades true/false', () => {
    expect(isCorrect({ type: 'true_false', answer: false }, { type: 'true_false', value: false })).toBe(true);
    expect(isCorrect({ type: 'true_false', answer: false }, { type: 'true_false', value: true })).toBe(false);
  });

  it('accepts fill-in answers whatever their case, spacing, curly quotes or final full stop', () => {
    const key = { type: 'fill_blank' as const, answer: ['Jack Ma', 'Ma Yun'] };
    for (const text of ['jack ma', '  JACK   MA. ', 'Ma Yun', '“Jack Ma”'])
      expect(isCorrect(key, { type: 'fill_blank', text }), text).toBe(true);
    expect(isCorrect(key, { type: 'fill_blank', text: 'Jack' })).toBe(false);
    expect(isCorrect(key, { type: 'fill_blank', text: '' })).toBe(false);
  });

  it('grades numbers within the tolerance', () => {
    expect(isCorrect({ type: 'numeric', value: 2.8, tolerance: 0 }, { type: 'numeric', value: 2.8 })).toBe(true);
    expect(isCorrect({ type: 'numeric', value: 2.8, tolerance: 0 }, { type: 'numeric', value: 2.9 })).toBe(false);
    expect(isCorrect({ type: 'numeric', value: 100, tolerance: 5 }, { type: 'numeric', value: 104.5 })).toBe(true);
  });

  it('grades ordering and matching', () => {
    // Shown items [B, C, A]; correct order A, B, C is shown indexes [2, 0, 1].
    const order = { type: 'ordering' as const, order: [2, 0, 1] };
    expect(isCorrect(order, { type: 'ordering', positions: [1, 2, 0] })).toBe(true);
    expect(isCorrect(order, { type: 'ordering', positions: [0, 1, 2] })).toBe(false);
    expect(isCorrect({ type: 'matching', match: [1, 0, 2] }, { type: 'matching', choices: [1, 0, 2] })).toBe(true);
    expect(isCorrect({ type: 'matching', match: [1, 0, 2] }, { type: 'matching', choices: [1, 2, 0] })).toBe(false);
  });

  it('never credits a missing answer or one of another kind', () => {
    expect(isCorrect({ type: 'true_false', answer: true }, null)).toBe(false);
    expect(isCorrect({ type: 'true_false', answer: true }, { type: 'single_choice', choice: 0 })).toBe(false);
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
    const key = { type: 'fill_blank' as const, answer: ['front-line staff', "Midwest Nurses' Association"] };
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

  it('grades a sheet: unanswered questions score zero', () => {
    const result = gradeSheet(
      [
        { id: 'a', answerKey: { type: 'single_choice', answer: 1 } },
        { id: 'c', answerKey: { type: 'true_false', answer: true } },
      ],
      new Map([['a', { type: 'single_choice', choice: 1 }]]),
    );
    expect(result.score).toBe(1);
    expect(result.maxScore).toBe(2);
    expect(result.graded[1]).toEqual({ questionId: 'c', response: null, correct: false });
  });
});
