import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, openDatabase } from '@/db';
import { runMigrations } from '@/db/migrate';
import { users } from '@/db/schema';
import { createUser } from '@/lib/dal/users';

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** The script runs against an embedded database in a folder of its own, as an operator would run it. */
describe('npm run user:role', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casewise-user-role-'));
  const run = (...args: string[]) =>
    spawnSync(tsx, ['scripts/user-role.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dir } });
  const read = async (email: string) => {
    const handle = await openDatabase({ dir });
    try {
      const [row] = await handle.db
        .select({ role: users.role, sessionVersion: users.sessionVersion })
        .from(users)
        .where(eq(users.email, email));
      return row;
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    const handle = await openDatabase({ dir });
    await runMigrations(handle.db, handle.kind);
    installDatabase(handle);
    const created = await createUser({ name: 'Ops Person', email: 'ops@example.test', password: 'ops-password-1', role: 'student' });
    expect(created.ok).toBe(true);
    installDatabase(null);
    await handle.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes an administrator and ends the account’s older sessions', async () => {
    const before = (await read('ops@example.test'))!;
    const result = run('OPS@example.test', 'admin');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('user:role: ops@example.test was student, now admin; every session of that account has ended.');
    expect(await read('ops@example.test')).toEqual({ role: 'admin', sessionVersion: before.sessionVersion + 1 });
  });

  it.each([
    ['an unknown role', ['ops@example.test', 'root'], 'user:role: unknown role "root": use student, instructor, admin'],
    ['a missing role', ['ops@example.test'], 'user:role: usage: npm run user:role -- <email> <student|instructor|admin>'],
    ['something that is not an email', ['ops', 'admin'], 'user:role: "ops" is not an email address'],
    ['an unknown email', ['nobody@example.test', 'admin'], 'user:role: no account with the email nobody@example.test on pglite'],
  ])('exits non-zero with one line for %s, changing nothing', async (_, args, message) => {
    const before = await read('ops@example.test');
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toContain(message);
    expect(await read('ops@example.test')).toEqual(before);
  });
});
