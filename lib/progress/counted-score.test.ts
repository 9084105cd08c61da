import { describe, expect, it } from 'vitest';
import { countedScore } from './counted-score';

describe('countedScore', () => {
  const tries = [0.4, 0.9, 0.6];
  it.each([
    ['highest', 0.9],
    ['latest', 0.6],
    ['first', 0.4],
    ['average', (0.4 + 0.9 + 0.6) / 3],
  ] as const)('%s', (rule, expected) => {
    expect(countedScore(tries, rule)).toBeCloseTo(expected, 10);
  });
  it('is null with no attempts', () => {
    expect(countedScore([], 'average')).toBeNull();
  });
});
