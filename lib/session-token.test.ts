import { describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { decodeSessionToken, sessionCookieName, sessionSecrets, sessionTokenFrom } from './session-token';

const SECRET = 'a-test-secret-that-is-long-enough-for-auth-js';
const NAME = 'authjs.session-token';

// Issue 12: pages read the session cookie without Auth.js's session endpoint; it must accept and
// refuse exactly what Auth.js's own decode does, also when it remembers a token it decoded before.
describe('reading the session cookie', () => {
  it('decodes a token Auth.js issued, and the same token again from memory', async () => {
    const token = await encode({ token: { id: 'user-1', sv: 3 }, secret: SECRET, salt: NAME });
    for (let i = 0; i < 2; i++)
      expect(await decodeSessionToken(token, { secrets: [SECRET], salt: NAME })).toMatchObject({ id: 'user-1', sv: 3 });
  });

  it('refuses a token under another secret, another cookie name, or with a changed byte', async () => {
    const token = await encode({ token: { id: 'user-2', sv: 1 }, secret: SECRET, salt: NAME });
    expect(await decodeSessionToken(token, { secrets: ['another-secret-that-is-long-enough-here'], salt: `${NAME}-x` })).toBeNull();
    expect(await decodeSessionToken(token, { secrets: [SECRET], salt: `__Secure-${NAME}` })).toBeNull();
    const at = token.length - 5;
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect(await decodeSessionToken(tampered, { secrets: [SECRET], salt: NAME })).toBeNull();
    expect(await decodeSessionToken('not-a-token', { secrets: [SECRET], salt: NAME })).toBeNull();
  });

  it('accepts a token signed with a rotated-out secret still listed', async () => {
    const token = await encode({ token: { id: 'user-3', sv: 1 }, secret: 'the-old-secret-that-is-long-enough-too', salt: NAME });
    const secrets = sessionSecrets({ AUTH_SECRET: SECRET, AUTH_SECRET_1: 'the-old-secret-that-is-long-enough-too' });
    expect(await decodeSessionToken(token, { secrets, salt: NAME })).toMatchObject({ id: 'user-3' });
  });

  it('refuses an expired token, also one it decoded while it was valid', async () => {
    const expired = await encode({ token: { id: 'user-4', sv: 1 }, secret: SECRET, salt: NAME, maxAge: -60 });
    expect(await decodeSessionToken(expired, { secrets: [SECRET], salt: NAME })).toBeNull();

    const token = await encode({ token: { id: 'user-5', sv: 1 }, secret: SECRET, salt: NAME, maxAge: 60 });
    expect(await decodeSessionToken(token, { secrets: [SECRET], salt: NAME })).toMatchObject({ id: 'user-5' });
    const realNow = Date.now;
    Date.now = () => realNow() + 120_000;
    try {
      expect(await decodeSessionToken(token, { secrets: [SECRET], salt: NAME })).toBeNull();
    } finally {
      Date.now = realNow;
    }
  });

  it('names the cookie as Auth.js does: __Secure- over https, from AUTH_URL when set', () => {
    expect(sessionCookieName({}, 'http')).toBe(NAME);
    expect(sessionCookieName({}, 'https')).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName({}, null)).toBe(`__Secure-${NAME}`);
    expect(sessionCookieName({ AUTH_URL: 'http://localhost:3000' }, 'https')).toBe(NAME);
    expect(sessionCookieName({ AUTH_URL: 'https://casewise.example.org' }, 'http')).toBe(`__Secure-${NAME}`);
  });

  it('joins a chunked cookie in order and ignores other cookies', () => {
    const cookies = [
      { name: `${NAME}.1`, value: 'second' },
      { name: 'authjs.csrf-token', value: 'x' },
      { name: `${NAME}.0`, value: 'first-' },
      { name: `__Secure-${NAME}`, value: 'other' },
    ];
    expect(sessionTokenFrom(cookies, NAME)).toBe('first-second');
    expect(sessionTokenFrom([{ name: NAME, value: 'whole' }], NAME)).toBe('whole');
    expect(sessionTokenFrom([{ name: 'authjs.csrf-token', value: 'x' }], NAME)).toBeNull();
  });
});
