import { serverEnv } from '@/lib/env';

/**
 * The client's address for throttling, taken only from what trusted proxies wrote.
 *
 * Next.js fills X-Forwarded-For with the socket's peer address only when the request carries none,
 * so whatever a client sends arrives untouched. Each trusted proxy appends the address it saw, so
 * with N trusted proxies in front of the app the Nth entry from the right is the one the outermost
 * trusted proxy saw, and everything left of it is the client's own claim. TRUSTED_PROXY_HOPS (0 when
 * the app faces the internet directly) says how many there are; see SECURITY.md.
 */
export function clientAddress(headers: Headers, trustedHops = trustedProxyHops()): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  // With no declared proxy the last entry is the peer as Next.js saw it (or, when a client sent
  // the header itself, its own claim: the per-account limit is what bounds that case).
  const index = Math.max(0, entries.length - Math.max(1, trustedHops));
  const entry = entries[index];
  return entry ? normalise(entry) : 'unknown';
}

function trustedProxyHops(): number {
  return serverEnv().TRUSTED_PROXY_HOPS;
}

function normalise(address: string): string {
  const bare = address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  // Keys hold only what an IP address can contain, so a forged header cannot smuggle anything in.
  return /^[0-9a-f.:]{1,45}$/.test(bare) ? bare : 'invalid';
}
