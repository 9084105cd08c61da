import { describe, expect, it } from 'vitest';
import type { AnswerKey, PublicQuestionData, Response } from '@/lib/quizgen/types';
import { buildQuizReport, MIN_ATTEMPTS_FOR_FLAGS, selectAttempts } from './quiz-report';

const single: { id: string; data: PublicQuestionData; answerKey: AnswerKey } = {
  id: 'q1',
  data: { type: 'single_choice', options: ['Hangzhou', 'Shenzhen', 'Beijing'] },
  answerKey: { type: 'single_choice', answer: 0 },
};
const truth: typeof single = { id: 'q2', data: { type: 'true_false' }, answerKey: { type: 'true_false', answer: false } };
const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 12, minute));

// Ann tries twice (wrong, then right), Ben once (right on q1, wrong on q2), Cy once (skips q1).
const attempts = [
  { id: 'ann-2', userId: 'ann', submittedAt: at(30) },
  { id: 'ann-1', userId: 'ann', submittedAt: at(10) },
  { id: 'ben-1', userId: 'ben', submittedAt: at(20) },
  { id: 'cy-1', userId: 'cy', submittedAt: at(25) },
];
const answer = (attemptId: string, questionId: string, response: Response | null, correct: boolean) => ({
  attemptId,
  questionId,
  response,
  correct,
});
const answers = [
  answer('ann-1', 'q1', { type: 'single_choice', choice: 2 }, false),
  answer('ann-1', 'q2', { type: 'true_false', value: true }, false),
  answer('ann-2', 'q1', { type: 'single_choice', choice: 0 }, true),
  answer('ann-2', 'q2', { type: 'true_false', value: false }, true),
  answer('ben-1', 'q1', { type: 'single_choice', choice: 0 }, true),
  answer('ben-1', 'q2', { type: 'true_false', value: true }, false),
  answer('cy-1', 'q1', null, false),
  answer('cy-1', 'q2', { type: 'true_false', value: false }, true),
];

describe('selectAttempts', () => {
  it("keeps each learner's earliest attempt for 'first', every attempt in time order for 'all'", () => {
    expect(selectAttempts(attempts, 'first').map((a) => a.id)).toEqual(['ann-1', 'ben-1', 'cy-1']);
    expect(selectAttempts(attempts, 'all').map((a) => a.id)).toEqual(['ann-1', 'ben-1', 'cy-1', 'ann-2']);
  });
});

describe('buildQuizReport', () => {
  it('computes facility over first attempts and counts the options chosen', () => {
    const report = buildQuizReport({ questions: [single, truth], attempts, answers, scope: 'first' });
    // First attempts: q1 marks [0 (Ann), 1 (Ben), 0 (Cy)] → facility 1/3; q2 [0, 0, 1] → 1/3.
    expect(report.items.map((i) => i.stats.facility)).toEqual([1 / 3, 1 / 3]);
    expect(report.test.attempts).toBe(3);
    // Shares of each attempt's two questions [0, 1/2, 1/2]: mean 1/3, median 1/2.
    expect(report.test.mean).toBeCloseTo(1 / 3, 10);
    expect(report.test.median).toBe(0.5);
    expect(report.items[0]!.options).toEqual([
      { label: 'Hangzhou', count: 1, isKey: true },
      { label: 'Shenzhen', count: 0, isKey: false },
      { label: 'Beijing', count: 1, isKey: false },
    ]);
    expect(report.items[0]!.blank).toBe(1);
    expect(report.items[1]!.options).toEqual([
      { label: 'True', count: 2, isKey: false },
      { label: 'False', count: 1, isKey: true },
    ]);
    // Nobody picked Shenzhen, but three attempts are too few to flag anything.
    expect(report.flagsShown).toBe(false);
    expect(report.items.every((i) => i.flags.length === 0)).toBe(true);
    // Totals 0, 1 and 1 of 2 → 0% (band 0) and 50% (band 5) twice.
    expect(report.distribution).toEqual([1, 0, 0, 0, 0, 2, 0, 0, 0, 0]);
  });

  it('includes retakes with all attempts', () => {
    const report = buildQuizReport({ questions: [single, truth], attempts, answers, scope: 'all' });
    // q1 marks [0, 1, 0, 1] → 0.5; q2 [0, 0, 1, 1] → 0.5; Ann's full marks land in the top band.
    expect(report.items.map((i) => i.stats.facility)).toEqual([0.5, 0.5]);
    expect(report.distribution[9]).toBe(1);
  });

  it('computes a question’s statistics over the attempts that had it only', () => {
    // q2 was added after Ann's first attempt: it is missing from that sheet.
    const withoutAnnsQ2 = answers.filter((a) => !(a.attemptId === 'ann-1' && a.questionId === 'q2'));
    const report = buildQuizReport({ questions: [single, truth], attempts, answers: withoutAnnsQ2, scope: 'first' });
    // q2 over Ben [0] and Cy [1] only: facility 1/2, not 1/3.
    expect(report.items[1]!.stats.facility).toBe(0.5);
    expect(report.items[0]!.stats.facility).toBe(1 / 3);
    // A question nobody has seen yet has no statistics and no flags.
    const unseen = { ...truth, id: 'q3' };
    const later = buildQuizReport({ questions: [single, truth, unseen], attempts, answers, scope: 'first' });
    expect(later.items[2]!.stats).toEqual({ facility: null, sd: null, discrimination: null, efficiency: null });
    expect(later.items[2]!.flags).toEqual([]);
  });

  it('reports "not enough data" (null) for one attempt and for a question missing from every sheet', () => {
    const report = buildQuizReport({ questions: [single, truth], attempts: [attempts[2]!], answers: [answers[4]!], scope: 'all' });
    expect(report.items[1]!.stats.facility).toBeNull();
    expect(report.test.sd).toBeNull();
    expect(report.items.every((i) => i.stats.discrimination === null)).toBe(true);
  });

  it('has no flags and no NaN when nobody has attempted the quiz', () => {
    const report = buildQuizReport({ questions: [single], attempts: [], answers: [], scope: 'first' });
    expect(report.test.attempts).toBe(0);
    expect(report.items).toHaveLength(1);
    expect(report.items[0]!.stats).toEqual({ facility: null, sd: null, discrimination: null, efficiency: null });
    expect(report.items[0]!.flags).toEqual([]);
    expect(JSON.stringify(report)).not.toContain('NaN');
    expect(report.test.mean).toBeNull();
  });

  it('counts the versions of an edited question as one item and scores each attempt over its own questions (issue 14)', () => {
    // A six-question quiz; questions 1–3 were edited after Ann's attempt, so each has two versions.
    const quiz = Array.from({ length: 6 }, (_, i) => ({ ...truth, id: `v2-q${i + 1}`, itemId: `q${i + 1}` }));
    const old = quiz.slice(0, 3).map((q, i) => ({ ...q, id: `v1-q${i + 1}` }));
    const sheet = (attemptId: string, ids: string[], correct: boolean) =>
      ids.map((questionId) => answer(attemptId, questionId, { type: 'true_false', value: !correct }, correct));
    const ann = [...old.map((q) => q.id), ...quiz.slice(3).map((q) => q.id)];
    const after = quiz.map((q) => q.id);
    const report = buildQuizReport({
      questions: [...quiz, ...old],
      attempts: [
        { id: 'ann', userId: 'ann', submittedAt: at(1) },
        { id: 'ben', userId: 'ben', submittedAt: at(2) },
        { id: 'cy', userId: 'cy', submittedAt: at(3) },
      ],
      // Ann (old versions) and Ben (new ones) have full marks, Cy none.
      answers: [...sheet('ann', ann, true), ...sheet('ben', after, true), ...sheet('cy', after, false)],
      scope: 'first',
    });
    expect(report.items).toHaveLength(6);
    expect(report.items[0]!.versionIds).toEqual(['v2-q1', 'v1-q1']);
    expect(report.items[0]!.answered).toBe(3);
    // Was 44.4% (totals 6, 6, 0 over nine columns); the mean share is 2/3.
    expect(report.test.mean).toBeCloseTo(2 / 3, 10);
    // Both full-mark students land in the top band, not in 60–69%.
    expect(report.distribution[9]).toBe(2);
    expect(report.distribution[0]).toBe(1);
    expect(report.items[0]!.stats.facility).toBeCloseTo(2 / 3, 10);
    // Every attempt had every item: alpha uses all six.
    expect(report.alphaItems).toBe(6);
  });

  it('computes alpha only over the items every attempt had', () => {
    // q2 was added after Ann's first attempt: alpha cannot use it, and says so.
    const withoutAnnsQ2 = answers.filter((a) => !(a.attemptId === 'ann-1' && a.questionId === 'q2'));
    const report = buildQuizReport({ questions: [single, truth], attempts, answers: withoutAnnsQ2, scope: 'all' });
    expect(report.alphaItems).toBe(0);
    expect(report.test.alpha).toBeNull();
    // Ann's first attempt is scored over the one question it had (0 of 1), not as 0 of 2 by default.
    expect(report.test.attempts).toBe(4);
  });

  it('uses the awarded share of a question when one is given (partial credit)', () => {
    const halves = [answer('ben-1', 'q1', { type: 'single_choice', choice: 0 }, false), answer('ben-1', 'q2', null, false)].map((a, i) => ({
      ...a,
      mark: i === 0 ? 0.5 : 0,
    }));
    const report = buildQuizReport({ questions: [single, truth], attempts: [attempts[2]!], answers: halves, scope: 'all' });
    expect(report.items[0]!.stats.facility).toBe(0.5);
    expect(report.test.mean).toBe(0.25);
  });

  describe('minimum sample for flags', () => {
    // n attempts by n learners; the hard question is answered right by nobody (facility 0: 'too hard').
    const classOf = (n: number) => {
      const people = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, userId: `u${i}`, submittedAt: at(i) }));
      return buildQuizReport({
        questions: [single, truth],
        attempts: people,
        answers: people.flatMap((p, i) => [
          answer(p.id, 'q1', { type: 'single_choice', choice: 1 }, false),
          answer(p.id, 'q2', { type: 'true_false', value: i % 2 === 0 }, i % 2 === 1),
        ]),
        scope: 'first',
      });
    };

    it(`flags nothing below ${MIN_ATTEMPTS_FOR_FLAGS} attempts, and says so`, () => {
      const report = classOf(MIN_ATTEMPTS_FOR_FLAGS - 1);
      expect(report.flagsShown).toBe(false);
      expect(report.items[0]!.stats.facility).toBe(0);
      expect(report.items.flatMap((i) => i.flags)).toEqual([]);
    });

    it(`flags from ${MIN_ATTEMPTS_FOR_FLAGS} attempts on`, () => {
      const report = classOf(MIN_ATTEMPTS_FOR_FLAGS);
      expect(report.flagsShown).toBe(true);
      expect(report.items[0]!.flags).toContain('too hard');
      expect(report.items[0]!.flags).toContain('unused distractor');
    });
  });
});
