import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { runMigrations } from './migrate';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

interface DatabaseOptions {
  /** A PostgreSQL URL; unset for the embedded database. */
  url?: string;
  /** Where PGlite keeps its files when there is no URL. */
  dir: string;
  /** PostgreSQL connections this process keeps at most (default 10). */
  poolSize?: number;
}

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/**
 * Fail fast while the server is down or stuck: a request gets a clear error in seconds instead of
 * hanging for the driver's defaults, and postgres.js reconnects by itself once the server is back.
 */
const POSTGRES_OPTIONS = {
  max: 10,
  onnotice: () => {},
  connect_timeout: 2,
  // Close idle connections so a restarted server's dead sockets are not reused for long.
  idle_timeout: 30,
  // The slowest legitimate statement (item analysis over a large class) takes well under this.
  connection: { statement_timeout: 15_000, lock_timeout: 10_000, idle_in_transaction_session_timeout: 30_000 },
};

type Shared = { handle: Promise<DatabaseHandle> };
// On globalThis: Next.js may load this module once per bundle, and all of them must share one database.
const globalForDb = globalThis as typeof globalThis & { __casewiseDb?: Shared; __casewiseDbOptions?: DatabaseOptions };

/**
 * Opens a database: postgres.js when a URL is given, else an embedded PGlite kept in `dir`
 * ("memory://" keeps it in memory). The caller says which (lib/env.ts reads the environment):
 * db/ holds no settings of its own. Imports are dynamic so that loading this module (for example
 * during `next build`) opens nothing.
 */
export async function openDatabase(options: DatabaseOptions | undefined = globalForDb.__casewiseDbOptions): Promise<DatabaseHandle> {
  if (!options) throw new Error('casewise: the database is not configured (start-up calls configureDatabase).');
  const { url, dir, poolSize } = options;
  const { redactQueryErrors } = await import('./query-errors');
  redactQueryErrors();
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, { ...POSTGRES_OPTIONS, max: poolSize ?? POSTGRES_OPTIONS.max });
    return { db: drizzle(client, { schema }) as unknown as Database, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  return { db: drizzle(client, { schema }) as unknown as Database, kind: 'pglite', close: () => client.close() };
}

/** Says where the app's database is; start-up code calls it once with the validated environment. */
export function configureDatabase(options: DatabaseOptions): void {
  globalForDb.__casewiseDbOptions = options;
}

/** The app's one database, opened and migrated on first use, shared by every module in the process. */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!globalForDb.__casewiseDb) {
    const options = globalForDb.__casewiseDbOptions;
    if (!options) return Promise.reject(new Error('casewise: the database is not configured (start-up calls configureDatabase).'));
    const handle = openDatabase(options).then(async (h) => {
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
export function installDatabase(handle: DatabaseHandle | null): void {
  globalForDb.__casewiseDb = handle ? { handle: Promise.resolve(handle) } : undefined;
}

export { schema };
