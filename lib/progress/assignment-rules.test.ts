import { describe, expect, it } from 'vitest';
import { attemptsLeft } from './assignment-rules';

describe('attemptsLeft', () => {
  it('counts down to zero and never below', () => {
    expect([0, 1, 2, 5].map((used) => attemptsLeft(2, used))).toEqual([2, 1, 0, 0]);
  });

  it('is unlimited when the assignment sets no limit', () => {
    expect(attemptsLeft(null, 40)).toBeNull();
  });
});
