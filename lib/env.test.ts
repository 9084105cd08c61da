import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

const secret = 'x'.repeat(32);

describe('parseEnv', () => {
  it('accepts a development environment with nothing set', () => {
    const parsed = parseEnv({});
    expect(parsed).toMatchObject({ ok: true, env: { NODE_ENV: 'development' } });
    expect(parsed.ok && parsed.env.DATABASE_URL).toBeUndefined();
  });

  it('treats an empty DATABASE_URL as unset (the embedded database)', () => {
    const parsed = parseEnv({ DATABASE_URL: '' });
    expect(parsed.ok && parsed.env.DATABASE_URL).toBeUndefined();
    expect(parsed.ok).toBe(true);
  });

  it('sizes the PostgreSQL pool per instance: 10 unless DATABASE_POOL_SIZE says otherwise, and refuses nonsense', () => {
    expect(parseEnv({}).ok && (parseEnv({}) as { env: { DATABASE_POOL_SIZE: number } }).env.DATABASE_POOL_SIZE).toBe(10);
    const sized = parseEnv({ DATABASE_POOL_SIZE: '25' });
    expect(sized.ok && sized.env.DATABASE_POOL_SIZE).toBe(25);
    for (const bad of ['0', '2.5', 'many', '201']) {
      const parsed = parseEnv({ DATABASE_POOL_SIZE: bad });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/DATABASE_POOL_SIZE must be a whole number from 1 to 200/);
    }
  });

  it('refuses production without AUTH_SECRET, naming the variable', () => {
    const parsed = parseEnv({ NODE_ENV: 'production' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/AUTH_SECRET is required in production/);
  });

  it('lists every bad variable, one per line', () => {
    const parsed = parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'mysql://localhost/db', AUTH_SECRET: 'short' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.split('\n').slice(1)).toEqual([
        expect.stringMatching(/^ {2}DATABASE_URL must be a PostgreSQL URL/),
        expect.stringMatching(/^ {2}AUTH_SECRET must be at least 32 characters/),
      ]);
    }
  });

  it('accepts a production environment with a PostgreSQL URL and a secret', () => {
    const parsed = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://casewise:casewise@localhost:5432/casewise',
      AUTH_SECRET: secret,
    });
    expect(parsed).toMatchObject({ ok: true, env: { DATABASE_URL: 'postgres://casewise:casewise@localhost:5432/casewise' } });
  });

  it('needs APP_URL with SMTP_URL, so a mailed link never takes its origin from a request', () => {
    const parsed = parseEnv({ SMTP_URL: 'smtp://localhost:2525' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/APP_URL is required with SMTP_URL/);
    const complete = parseEnv({ SMTP_URL: 'smtp://localhost:2525', APP_URL: 'https://casewise.example.org/' });
    expect(complete.ok && complete.env.APP_URL).toBe('https://casewise.example.org');
  });

  it('refuses an SMTP_URL of another scheme and an APP_URL with a path', () => {
    const parsed = parseEnv({ SMTP_URL: 'http://mail.example.org', APP_URL: 'https://casewise.example.org/app' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/SMTP_URL must be an SMTP URL/);
      expect(parsed.error).toMatch(/APP_URL must be the origin/);
    }
  });
});
