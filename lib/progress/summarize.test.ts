import { describe, expect, it } from 'vitest';
import { completion, summarizeLessons } from './summarize';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('summarizeLessons', () => {
  it('marks untouched lessons as not done', () => {
    const p = summarizeLessons(['l1'], []);
    expect(p.get('l1')).toEqual({ attempts: 0, best: null, lastAttemptAt: null, done: false, trend: [] });
  });

  it('keeps the best attempt by percentage and counts every attempt', () => {
    const p = summarizeLessons(
      ['l1', 'l2'],
      [
        { lessonId: 'l1', score: 3, maxScore: 8, submittedAt: at(1) },
        { lessonId: 'l1', score: 6, maxScore: 8, submittedAt: at(2) },
        { lessonId: 'l1', score: 4, maxScore: 8, submittedAt: at(3) },
        { lessonId: 'other', score: 8, maxScore: 8, submittedAt: at(3) },
      ],
    );
    expect(p.get('l1')).toEqual({
      attempts: 3,
      best: { score: 6, maxScore: 8, percent: 75 },
      lastAttemptAt: at(3),
      done: true,
      trend: [38, 75, 50],
    });
    expect(p.get('l2')?.done).toBe(false);
    expect(p.has('other')).toBe(false);
  });

  it('handles a quiz with no questions without dividing by zero', () => {
    const p = summarizeLessons(['l1'], [{ lessonId: 'l1', score: 0, maxScore: 0, submittedAt: at(1) }]);
    expect(p.get('l1')?.best).toEqual({ score: 0, maxScore: 0, percent: 0 });
  });
});

describe('done means passed', () => {
  it('does not call a lesson done after an attempt below the pass mark of 60%', () => {
    const p = summarizeLessons(['l1'], [{ lessonId: 'l1', score: 0, maxScore: 8, submittedAt: at(1) }]);
    expect(p.get('l1')).toMatchObject({ attempts: 1, done: false, best: { percent: 0 } });
  });

  it('calls it done once any attempt reaches 60%, partial credit included', () => {
    const below = summarizeLessons(['l1'], [{ lessonId: 'l1', score: 2.99, maxScore: 5, submittedAt: at(1) }]);
    expect(below.get('l1')?.done).toBe(false);
    const p = summarizeLessons(
      ['l1'],
      [
        { lessonId: 'l1', score: 3, maxScore: 5, submittedAt: at(1) },
        { lessonId: 'l1', score: 1, maxScore: 5, submittedAt: at(2) },
      ],
    );
    expect(p.get('l1')?.done).toBe(true);
  });

  it('keeps the trend in the order the attempts were made, the last five', () => {
    const p = summarizeLessons(
      ['l1'],
      [7, 1, 3, 2, 6, 4, 5].map((day) => ({ lessonId: 'l1', score: day, maxScore: 10, submittedAt: at(day) })),
    );
    expect(p.get('l1')?.trend).toEqual([30, 40, 50, 60, 70]);
  });
});

describe('completion', () => {
  it('counts lessons done out of all lessons', () => {
    const p = summarizeLessons(['a', 'b', 'c'], [{ lessonId: 'b', score: 3, maxScore: 5, submittedAt: at(1) }]);
    expect(completion(p.values())).toEqual({ done: 1, total: 3, percent: 33 });
    expect(completion([])).toEqual({ done: 0, total: 0, percent: 0 });
  });
});
