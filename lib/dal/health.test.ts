import net from 'node:net';
import postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installDatabase, type DatabaseHandle } from '@/db';
import { serverEnv } from '@/lib/env';
import { checkDatabaseHealth, isDatabaseUnavailable } from './health';

/** A database whose every statement hangs, as one does while its server is stopped mid-connection. */
const hangingDatabase = {
  db: { execute: () => new Promise(() => {}) },
  kind: 'postgres',
  close: async () => {},
} as unknown as DatabaseHandle;

describe('checkDatabaseHealth', () => {
  afterEach(() => {
    vi.useRealTimers();
    installDatabase(null);
  });

  it('reports the database unreachable instead of waiting on a statement that never returns', async () => {
    vi.useFakeTimers();
    installDatabase(hangingDatabase);
    const health = checkDatabaseHealth();
    await vi.advanceTimersByTimeAsync(2000);
    expect(await health).toEqual({ ok: false, error: 'unreachable' });
  });
});

const postgresUrl = serverEnv().DATABASE_URL;

/** The error a statement really throws, or fails the test when it does not throw. */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  const outcome = await run().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  expect(outcome, 'the statement should have failed').not.toBeNull();
  return outcome!.error;
}

describe.skipIf(!postgresUrl)('isDatabaseUnavailable, on real PostgreSQL errors (skipped without DATABASE_URL)', () => {
  it('says yes when the connection is killed, refused or times out', async () => {
    const sql = postgres(postgresUrl!, { max: 1, onnotice: () => {} });
    try {
      const killed = await errorOf(() => sql`select pg_terminate_backend(pg_backend_pid())`);
      expect(isDatabaseUnavailable(killed)).toBe(true);
      const timedOut = await errorOf(() =>
        sql.begin(async (tx) => [await tx`set local statement_timeout = 50`, await tx`select pg_sleep(2)`]),
      );
      expect(isDatabaseUnavailable(timedOut)).toBe(true);
    } finally {
      await sql.end();
    }

    // A port nobody listens on: connection refused.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = new URL(postgresUrl!);
    url.hostname = '127.0.0.1';
    url.port = String((closed.address() as net.AddressInfo).port);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = postgres(url.toString(), { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      expect(isDatabaseUnavailable(await errorOf(() => refused`select 1`))).toBe(true);
    } finally {
      await refused.end();
    }
  });

  it('says no for a bug: bad SQL, a broken constraint, a plain error', async () => {
    const sql = postgres(postgresUrl!, { max: 1, onnotice: () => {} });
    try {
      expect(isDatabaseUnavailable(await errorOf(() => sql`select from nowhere_at_all`))).toBe(false);
      expect(isDatabaseUnavailable(await errorOf(() => sql`select 1/0`))).toBe(false);
    } finally {
      await sql.end();
    }
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  it('looks through the wrapper drizzle puts around the driver error', () => {
    const wrapped = new Error('Failed query', { cause: Object.assign(new Error('terminating connection'), { code: '57P01' }) });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });
});
