import { afterEach, describe, expect, it, vi } from 'vitest';
import { installDatabase, type DatabaseHandle } from '@/db';
import { checkDatabaseHealth } from './health';

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
