import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limit';

describe('createFailureLimiter', () => {
  it('blocks a key after the limit of failures and lets it go once the window passes', () => {
    let now = 0;
    const limiter = createFailureLimiter({ limit: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked('a')).toBe(false);
      limiter.recordFailure('a');
    }
    expect(limiter.isBlocked('a')).toBe(true);
    expect(limiter.isBlocked('b')).toBe(false);
    now = 1001;
    expect(limiter.isBlocked('a')).toBe(false);
  });
});
