import { describe, expect, it } from 'vitest';
import { inNaturalOrder } from './natural-order';

describe('inNaturalOrder', () => {
  it('takes options that are one sentence around a rising or falling number', () => {
    expect(inNaturalOrder(['Rose by about 5%.', 'Rose by about 10%.', 'Rose by about 15%.', 'Rose by about 40%.'])).toBe(true);
    expect(inNaturalOrder(['2,500', '1,200', '800', '95.5'])).toBe(true);
    expect(inNaturalOrder(['Grew to about 2 times its 2014 level.', 'Grew to about 3 times its 2014 level.'])).toBe(true);
  });

  it('leaves options that are not one scale, or not in order, to be shuffled', () => {
    expect(inNaturalOrder(['Rose by about 15%.', 'Rose by about 5%.', 'Rose by about 40%.'])).toBe(false);
    expect(inNaturalOrder(['Rose by about 5%.', 'Fell by about 10%.', 'Rose by about 40%.'])).toBe(false);
    expect(inNaturalOrder(['It cut prices', 'It raised prices', 'It sold the firm'])).toBe(false);
    expect(inNaturalOrder(['10', '10', '20'])).toBe(false);
    expect(inNaturalOrder(['only one 5'])).toBe(false);
    // Two numbers that both vary are two scales at once.
    expect(inNaturalOrder(['2 of 10', '3 of 12', '4 of 14'])).toBe(false);
  });
});
