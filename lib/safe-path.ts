const ORIGIN = 'http://site.invalid';

/**
 * The path (and query) to go to after signing in or up, when it is a path on this site; null for
 * anything else. Refused: other hosts ("https://evil.example", "//evil.example", "/\\evil.example",
 * which browsers read as a host too), other schemes, whitespace and control characters, and paths
 * so long they could only be an attack.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (/[\s\u0000-\u001F\u007F\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  return `${url.pathname}${url.search}`;
}
