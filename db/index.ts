import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { runMigrations } from './migrate';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/**
 * Opens the database named by the environment: postgres.js when DATABASE_URL is set, else an
 * embedded PGlite kept in PGLITE_DIR (default .data/pglite; "memory://" keeps it in memory).
 * Imports are dynamic so that loading this module (for example during `next build`) opens nothing.
 */
export async function openDatabase(options: { url?: string; dir?: string } = {}): Promise<DatabaseHandle> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, { max: 10, onnotice: () => {}, connect_timeout: 10 });
    return { db: drizzle(client, { schema }) as unknown as Database, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dir = options.dir ?? process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  return { db: drizzle(client, { schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
}

type Shared = { handle: Promise<DatabaseHandle> };
const globalForDb = globalThis as typeof globalThis & { __casewiseDb?: Shared };

/** The app's one database, opened and migrated on first use, shared by every module in the process. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__casewiseDb) {
    const handle = openDatabase().then(async (h) => {
      await runMigrations(h.db, h.kind);
      return h;
    });
    // A failed open (server down) must not stick: the next request tries again.
    handle.catch(() => {
      if (globalForDb.__casewiseDb?.handle === handle) globalForDb.__casewiseDb = undefined;
    });
    globalForDb.__casewiseDb = { handle };
  }
  return globalForDb.__casewiseDb.handle;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Points the app at a database the caller opened (integration tests use their own). */
export function useDatabase(handle: DatabaseHandle | null): void {
  globalForDb.__casewiseDb = handle ? { handle: Promise.resolve(handle) } : undefined;
}

export { schema };
