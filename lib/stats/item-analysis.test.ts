import { describe, expect, it } from 'vitest';
import { analyseItems, correlation, flagItem, median } from './item-analysis';

// Values below are worked out by hand in the comments, with Moodle's sample (n − 1) variances.
describe('analyseItems (Moodle quiz statistics definitions)', () => {
  // Four attempts on three one-mark questions, a perfect staircase.
  //   totals T = [3, 2, 1, 0]: mean 1.5, median 1.5, var 5/3, sd 1.29099
  //   item variances: Q1 [1,1,1,0] 0.25, Q2 [1,1,0,0] 1/3, Q3 [1,0,0,0] 0.25 → sum 5/6
  //   alpha = 3/2 × (1 − (5/6)/(5/3)) = 0.75; error ratio = √0.25 = 0.5; SE = 0.5 × 1.29099
  //   Q1 against the rest [2,1,0,0]: cov 0.25, var(rest) 11/12 → r = 0.25/√(0.25 × 11/12) = 0.52223
  const staircase = [
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 0],
    [0, 0, 0],
  ];
  const { test, items } = analyseItems(staircase);

  it('computes the test statistics', () => {
    expect(test.attempts).toBe(4);
    expect(test.mean).toBe(1.5);
    expect(test.median).toBe(1.5);
    expect(test.sd).toBeCloseTo(Math.sqrt(5 / 3), 10);
    expect(test.alpha).toBeCloseTo(0.75, 10);
    expect(test.errorRatio).toBeCloseTo(0.5, 10);
    expect(test.standardError).toBeCloseTo(0.5 * Math.sqrt(5 / 3), 10);
  });

  it('computes facility, discrimination and efficiency per question', () => {
    expect(items.map((i) => i.facility)).toEqual([0.75, 0.5, 0.25]);
    expect(items[0]!.sd).toBeCloseTo(0.5, 10);
    expect(items[0]!.discrimination).toBeCloseTo(0.25 / Math.sqrt(0.25 * (11 / 12)), 10);
    // A staircase is already as ordered as its marks can be: efficiency 1.
    for (const item of items) expect(item.efficiency).toBeCloseTo(1, 10);
  });

  it('gives zero discrimination and zero alpha when two questions are unrelated', () => {
    // Q1 [1,0,1,0] and its rest Q2 [0,1,1,0]: deviations (±0.5) multiply to −.25 −.25 +.25 +.25 = 0.
    // Totals [1,1,2,0]: var 2/3; item variances 1/3 each → alpha = 2 × (1 − (2/3)/(2/3)) = 0.
    const r = analyseItems([
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 0],
    ]);
    expect(r.items[0]!.discrimination).toBeCloseTo(0, 10);
    expect(r.items[0]!.efficiency).toBeCloseTo(0, 10);
    expect(r.test.alpha).toBeCloseTo(0, 10);
    expect(r.test.errorRatio).toBeCloseTo(1, 10);
    expect(r.test.standardError).toBeCloseTo(Math.sqrt(2 / 3), 10);
    expect(flagItem(r.items[0]!)).toEqual(['poor discrimination']);
  });

  it('gives "not enough data" (null) for one attempt, never NaN', () => {
    const r = analyseItems([[1, 0, 1]]);
    expect(r.test).toEqual({ attempts: 1, mean: 2, median: 2, sd: null, alpha: null, errorRatio: null, standardError: null });
    expect(r.items.map((i) => i.facility)).toEqual([1, 0, 1]);
    for (const i of r.items) expect([i.sd, i.discrimination, i.efficiency]).toEqual([null, null, null]);
  });

  it('gives null where every score is equal (zero variance)', () => {
    const r = analyseItems([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(r.test.sd).toBe(0);
    expect(r.test.alpha).toBeNull();
    expect(r.test.standardError).toBeNull();
    expect(r.items[0]!.discrimination).toBeNull();
    expect(r.items[0]!.efficiency).toBeNull();
    expect(flagItem(r.items[0]!)).toEqual(['too easy']);
  });

  it('gives null discrimination and alpha for a one-question quiz', () => {
    const r = analyseItems([[1], [0], [1]]);
    expect(r.items[0]!.facility).toBeCloseTo(2 / 3, 10);
    expect(r.items[0]!.discrimination).toBeNull();
    expect(r.test.alpha).toBeNull();
    expect(r.test.mean).toBeCloseTo(2 / 3, 10);
  });

  it('handles no attempts at all', () => {
    const r = analyseItems([]);
    expect(r.test).toMatchObject({ attempts: 0, mean: null, median: null, sd: null });
    expect(r.items).toEqual([]);
  });
});

describe('helpers and flags', () => {
  it('takes the median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('has no correlation with a constant', () => {
    expect(correlation([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
  });

  it('flags hard questions and distractors nobody picks (but not an unpicked key)', () => {
    const stats = { facility: 0.1, sd: 0.3, discrimination: 0.5, efficiency: 0.6 };
    expect(flagItem(stats, [1, 9, 0, 3], [0])).toEqual(['too hard', 'unused distractor']);
    expect(flagItem(stats, [0, 9, 2, 3], [0])).toEqual(['too hard']);
  });
});
