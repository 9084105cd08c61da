import { describe, expect, it } from 'vitest';
import { delaySeconds, SIGN_IN_POLICIES, signInKeys } from './throttle-policy';

describe('delaySeconds', () => {
  const policy = { free: 5, baseSeconds: 1, maxSeconds: 900, windowSeconds: 3600 };

  it('lets the free failures through without a wait', () => {
    for (let n = 0; n <= 5; n++) expect(delaySeconds(n, policy)).toBe(0);
  });

  it('doubles the wait with each failure beyond the free ones, up to the ceiling', () => {
    expect([6, 7, 8, 9, 10].map((n) => delaySeconds(n, policy))).toEqual([1, 2, 4, 8, 16]);
    expect(delaySeconds(16, policy)).toBe(900);
    expect(delaySeconds(1e9, policy)).toBe(900);
  });

  it('makes 40 guesses at one account from one address wait the full ceiling', () => {
    expect(delaySeconds(40, SIGN_IN_POLICIES.accountAtAddress)).toBe(SIGN_IN_POLICIES.accountAtAddress.maxSeconds);
    // ...while the same 40 failures leave the account reachable from elsewhere.
    expect(delaySeconds(40, SIGN_IN_POLICIES.account)).toBe(0);
  });
});

describe('signInKeys', () => {
  it('keeps accounts and addresses apart', () => {
    const a = signInKeys('ana@example.test', '1.2.3.4');
    const b = signInKeys('ana@example.test', '5.6.7.8');
    expect(a.accountAtAddress).not.toBe(b.accountAtAddress);
    expect(a.account).toBe(b.account);
    expect(a.address).not.toBe(b.address);
  });
});
