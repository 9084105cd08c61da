import { describe, expect, it } from 'vitest';
import { isUuid } from './ids';

describe('isUuid', () => {
  it('accepts a uuid in either case', () => {
    expect(isUuid('0b9f3c2e-8d4a-4f6e-9a1b-2c3d4e5f6a7b')).toBe(true);
    expect(isUuid('0B9F3C2E-8D4A-4F6E-9A1B-2C3D4E5F6A7B')).toBe(true);
  });

  it.each([
    ['36 dashes', '-'.repeat(36)],
    ['a uuid with text after it', '0b9f3c2e-8d4a-4f6e-9a1b-2c3d4e5f6a7b; drop table users'],
    ['misplaced dashes', '0b9f3c2e8-d4a-4f6e-9a1b-2c3d4e5f6a7b'],
    ['an empty string', ''],
  ])('refuses %s', (_, value) => {
    expect(isUuid(value)).toBe(false);
  });
});
