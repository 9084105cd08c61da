import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';

describe('TRUSTED_PROXY_HOPS', () => {
  it('defaults to no trusted proxy', () => {
    const parsed = parseEnv({});
    expect(parsed.ok && parsed.env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it('reads a count of proxies', () => {
    const parsed = parseEnv({ TRUSTED_PROXY_HOPS: '2' });
    expect(parsed.ok && parsed.env.TRUSTED_PROXY_HOPS).toBe(2);
  });

  it.each(['yes', '-1', '1.5', '11'])('refuses %j with a message naming the variable', (value) => {
    const parsed = parseEnv({ TRUSTED_PROXY_HOPS: value });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/);
  });
});
