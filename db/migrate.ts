import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed drizzle-kit migrations that the database has not seen yet. */
export async function runMigrations(db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>, kind: 'pglite' | 'postgres'): Promise<void> {
  // Both migrators run the same dialect code; each is typed for its own driver.
  const { migrate } = kind === 'pglite' ? await import('drizzle-orm/pglite/migrator') : await import('drizzle-orm/postgres-js/migrator');
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
}
