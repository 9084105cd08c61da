import { createHash, randomBytes } from 'node:crypto';

/** A password-reset link is good for this long after it is mailed. */
export const RESET_TOKEN_LIFETIME_SECONDS = 60 * 60;

/** 32 random bytes, URL-safe: what the mailed link carries. Guessing one is out of reach. */
export function newResetToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token's exact shape; anything else is refused before it reaches the database. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * What the database stores instead of the token. The token is random and long, so a fast hash is
 * enough (unlike a password): a stolen table gives nothing to guess from.
 */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
