import { describe, expect, it } from 'vitest';
import { attemptsLeft, combineRules } from './assignment-rules';

const now = new Date('2030-01-10T12:00:00Z');
const due = (iso: string) => new Date(`${iso}T23:59:59Z`);

describe('combineRules', () => {
  it('leaves a lesson nobody assigned open: unlimited attempts, answers shown', () => {
    expect(combineRules([], now)).toEqual({ attemptsAllowed: null, reviewHiddenUntil: null });
  });

  it('takes the most generous attempt limit across classes', () => {
    const rules = [
      { attemptsAllowed: 1, answersShown: 'after_attempt' as const, dueAt: due('2030-01-20') },
      { attemptsAllowed: 3, answersShown: 'after_attempt' as const, dueAt: due('2030-01-20') },
    ];
    expect(combineRules(rules, now).attemptsAllowed).toBe(3);
    expect(
      combineRules([...rules, { attemptsAllowed: null, answersShown: 'after_attempt', dueAt: due('2030-01-20') }], now).attemptsAllowed,
    ).toBeNull();
  });

  it('hides answers until the latest future due date of a class that hides them', () => {
    const rules = [
      { attemptsAllowed: null, answersShown: 'after_due' as const, dueAt: due('2030-01-15') },
      { attemptsAllowed: null, answersShown: 'after_due' as const, dueAt: due('2030-01-25') },
      { attemptsAllowed: null, answersShown: 'after_attempt' as const, dueAt: due('2030-02-25') },
    ];
    expect(combineRules(rules, now).reviewHiddenUntil).toEqual(due('2030-01-25'));
  });

  it('shows answers once the due date has passed', () => {
    const rules = [{ attemptsAllowed: 2, answersShown: 'after_due' as const, dueAt: due('2030-01-09') }];
    expect(combineRules(rules, now).reviewHiddenUntil).toBeNull();
  });
});

describe('attemptsLeft', () => {
  it('counts down to zero and never below', () => {
    const rules = { attemptsAllowed: 2, reviewHiddenUntil: null };
    expect([0, 1, 2, 5].map((used) => attemptsLeft(rules, used))).toEqual([2, 1, 0, 0]);
    expect(attemptsLeft({ attemptsAllowed: null, reviewHiddenUntil: null }, 40)).toBeNull();
  });
});
