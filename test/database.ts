import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { runMigrations } from '@/db/migrate';
import { serverEnv } from '@/lib/env';

type TestDatabaseKind = 'pglite' | 'postgres';

const postgresUrl = serverEnv().DATABASE_URL;

/** The databases integration tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const testDatabaseKinds: TestDatabaseKind[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database for one test file, installed as the app's database. PGlite runs in
 * memory; on PostgreSQL a new database is created beside DATABASE_URL's and dropped afterwards.
 */
export async function createTestDatabase(kind: TestDatabaseKind, { migrate = true }: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (kind === 'pglite') {
    handle = await openDatabase({ dir: 'memory://' });
  } else {
    const base = new URL(postgresUrl!);
    const name = `casewise_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const inner = await openDatabase({ url: url.toString(), dir: 'memory://' });
    handle = {
      ...inner,
      async close() {
        await inner.close();
        const cleanup = postgres(base.toString(), { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  // migrate: false leaves the database empty, for a test that applies the migrations itself.
  if (migrate) await runMigrations(handle.db, handle.kind);
  installDatabase(handle);
  return handle;
}
