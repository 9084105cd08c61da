import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db';
import { runMigrations } from '@/db/migrate';
import { users } from '@/db/schema';

describe('a failed query in the log', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ url: '', dir: 'memory://' });
    await runMigrations(handle.db, handle.kind);
  });
  afterAll(async () => handle?.close());

  it('names the statement and the reason but none of its parameters', async () => {
    const secretHash = '$argon2id$v=19$m=19456,t=2,p=1$SENTINEL-HASH-must-not-be-logged';
    let caught: unknown;
    try {
      // PostgreSQL cannot store a NUL in text: this insert fails inside the database.
      await handle.db.insert(users).values({ name: 'Zed\u0000', email: 'zed@example.test', passwordHash: secretHash });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    const logged = `${String(caught)}\n${inspect(caught, { depth: 10, showHidden: true })}`;
    expect(logged).toMatch(/insert into "users"/);
    expect(logged).not.toContain('SENTINEL-HASH');
    expect(logged).not.toContain('zed@example.test');
  });
});
