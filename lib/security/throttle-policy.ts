/**
 * How failed attempts slow a key down. A few mistakes are free; after that each failure doubles
 * the wait before the next attempt is even checked, up to a ceiling. Nothing locks for good: an
 * owner who mistypes waits seconds, an attacker guessing gets a handful of tries an hour.
 */
export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  free: number;
  /** Wait after the first failure beyond the free ones; doubles with each further failure. */
  baseSeconds: number;
  maxSeconds: number;
  /** Counts start again once this long has passed since the first failure and no wait is running. */
  windowSeconds: number;
}

const HOUR = 60 * 60;

/**
 * Three keys guard a password check. The account at one address is the tight one, so a stranger
 * elsewhere slows only themselves; the address alone catches one client trying many accounts (set
 * high: a school lab shares one address); the account everywhere catches guesses spread over many
 * addresses and is set high enough that reaching it takes a deliberate attack.
 */
export const SIGN_IN_POLICIES = {
  accountAtAddress: { free: 5, baseSeconds: 1, maxSeconds: 15 * 60, windowSeconds: HOUR },
  address: { free: 100, baseSeconds: 1, maxSeconds: 15 * 60, windowSeconds: HOUR },
  account: { free: 200, baseSeconds: 1, maxSeconds: 15 * 60, windowSeconds: HOUR },
} as const satisfies Record<string, ThrottlePolicy>;

/** Accounts created from one address: a class signing up together fits, a script does not. */
export const SIGN_UP_POLICY: ThrottlePolicy = { free: 20, baseSeconds: 5, maxSeconds: 60 * 60, windowSeconds: HOUR };

/**
 * "Forgot password" requests, counted whether or not the email has an account (so the limit says
 * nothing about which emails exist): a few mails per address an hour keeps the form from being
 * used to flood someone's inbox; the address limit stops one client spraying many emails.
 */
export const RESET_POLICIES = {
  account: { free: 3, baseSeconds: 60, maxSeconds: HOUR, windowSeconds: HOUR },
  address: { free: 20, baseSeconds: 60, maxSeconds: HOUR, windowSeconds: HOUR },
} as const satisfies Record<string, ThrottlePolicy>;

/**
 * The longest window of any policy: a row whose window started longer ago than this, and whose
 * wait has run out, counts for nothing and may be deleted (lib/dal/internal/throttle.ts).
 */
export const THROTTLE_WINDOW_SECONDS_MAX = Math.max(
  ...Object.values(SIGN_IN_POLICIES).map((p) => p.windowSeconds),
  SIGN_UP_POLICY.windowSeconds,
  ...Object.values(RESET_POLICIES).map((p) => p.windowSeconds),
);

/** Seconds to wait after the given number of failures (0 while within the free ones). */
export function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  const beyond = failures - policy.free;
  if (beyond <= 0) return 0;
  // Capped before exponentiation so a huge count cannot overflow to Infinity.
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.min(beyond - 1, 40));
}

export const signInKeys = (email: string, address: string) => ({
  accountAtAddress: `signin:account-address:${email}|${address}`,
  address: `signin:address:${address}`,
  account: `signin:account:${email}`,
});

export const signUpKey = (address: string) => `signup:address:${address}`;

export const resetKeys = (email: string, address: string) => ({
  account: `reset:account:${email}`,
  address: `reset:address:${address}`,
});
