import { decode, type JWT } from 'next-auth/jwt';

/**
 * Reading the session cookie without running Auth.js's whole session endpoint per request.
 *
 * Auth.js's `auth()` builds a Request, runs its router, decrypts the cookie (an HKDF key derivation
 * and a JWE decryption), calls the callbacks, then encrypts a fresh cookie (another derivation and
 * an encryption) and serialises the session to JSON and back; a page cannot even set that cookie.
 * This reads the same cookie Auth.js would (same name, same chunks), decodes it with Auth.js's own
 * `decode`, and remembers what each exact cookie value decoded to: decryption is deterministic, so
 * the same string always gives the same claims. The expiry is checked on every read, and whether
 * the session still counts (sign-out, password or role change) is asked of the database on every
 * request by the caller, so a sign-out through any instance still ends the session at once.
 */

const TOKEN_COOKIE = 'authjs.session-token';
/** As jose's jwtDecrypt in Auth.js's decode. */
const CLOCK_TOLERANCE_S = 15;
const MAX_REMEMBERED = 5000;

/** The session cookie's name as Auth.js chooses it: `__Secure-` when the site is served over https. */
export function sessionCookieName(env: Record<string, string | undefined>, forwardedProto: string | null): string {
  const siteUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  let protocol: string;
  if (siteUrl) {
    try {
      protocol = new URL(siteUrl).protocol;
    } catch {
      protocol = 'https:';
    }
  } else {
    const proto = forwardedProto ?? 'https';
    protocol = proto.endsWith(':') ? proto : `${proto}:`;
  }
  return protocol === 'https:' ? `__Secure-${TOKEN_COOKIE}` : TOKEN_COOKIE;
}

/** The cookie's value, joined from its chunks (`name.0`, `name.1`, …) when Auth.js had to split it. */
export function sessionTokenFrom(cookies: { name: string; value: string }[], name: string): string | null {
  const parts = cookies.filter((c) => c.name.startsWith(name) && c.value);
  if (!parts.length) return null;
  const suffix = (n: string) => parseInt(n.split('.').pop() || '0') || 0;
  return parts
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((c) => c.value)
    .join('');
}

/** Auth.js's secrets, in its order: AUTH_SECRET_1..3 (rotated-out secrets) before AUTH_SECRET. */
export function sessionSecrets(env: Record<string, string | undefined>): string[] {
  const secrets: string[] = [];
  if (env.AUTH_SECRET) secrets.push(env.AUTH_SECRET);
  for (const i of [1, 2, 3]) {
    const secret = env[`AUTH_SECRET_${i}`];
    if (secret) secrets.unshift(secret);
  }
  return secrets;
}

type Decoded = { claims: JWT | null };
// On globalThis: Next.js may load this module once per bundle.
const globalForTokens = globalThis as typeof globalThis & { __casewiseTokens?: Map<string, Decoded> };
const remembered = (globalForTokens.__casewiseTokens ??= new Map());

/**
 * The claims of a session token, or null when it does not decrypt under these secrets (forged,
 * tampered, from another deployment) or has expired.
 */
export async function decodeSessionToken(token: string, { secrets, salt }: { secrets: string[]; salt: string }): Promise<JWT | null> {
  const key = `${salt}\u0000${token}`;
  let decoded = remembered.get(key);
  if (!decoded) {
    let claims: JWT | null;
    try {
      claims = secrets.length ? await decode({ token, secret: secrets, salt }) : null;
    } catch {
      claims = null;
    }
    decoded = { claims };
    remembered.set(key, decoded);
    while (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  }
  const claims = decoded.claims;
  if (!claims) return null;
  // jose checked the expiry when it decrypted; a remembered token is checked again on each read.
  if (typeof claims.exp === 'number' && claims.exp <= Date.now() / 1000 - CLOCK_TOLERANCE_S) {
    remembered.delete(key);
    return null;
  }
  return claims;
}
