import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { installDatabase, openDatabase } from '@/db';
import { runMigrations } from '@/db/migrate';
import { checkSignIn } from './sign-in';
import { createUser } from '../users';

vi.mock('@/lib/auth', () => import('@/test/session'));

const PASSWORD = 'the-owners-password';

describe('sign-in throttle across a restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casewise-throttle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = async () => {
    const handle = await openDatabase({ url: '', dir });
    await runMigrations(handle.db, handle.kind);
    installDatabase(handle);
    return handle;
  };

  it('keeps counting after the app restarts', async () => {
    const first = await start();
    await createUser({ name: 'Owner', email: 'restart@example.test', password: PASSWORD, role: 'student' });
    for (let i = 0; i < 40; i++) await checkSignIn({ email: 'restart@example.test', password: `guess-${i}`, address: '203.0.113.20' });
    await first.close();

    const second = await start();
    try {
      expect(await checkSignIn({ email: 'restart@example.test', password: PASSWORD, address: '203.0.113.20' })).toEqual({
        status: 'throttled',
      });
    } finally {
      await second.close();
    }
  });
});
