import { describe, expect, it } from 'vitest';
import { JOIN_CODE, newJoinCode, normalizeJoinCode } from './join-code';

describe('join codes', () => {
  it('reads what a student types: any case, spaces, dashes and look-alike letters', () => {
    expect(normalizeJoinCode('ab-cd io lo')).toBe('ABCD1010');
  });

  it('makes codes of 8 characters without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(JOIN_CODE);
  });
});
