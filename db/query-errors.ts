import { DrizzleQueryError } from 'drizzle-orm/errors';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

/**
 * Drizzle reports a failed query as "Failed query: … params: …", with every parameter in the
 * message, and the driver's error (PGlite's lists them too) as its cause. Whoever logs that error
 * (Next.js logs every uncaught one) writes user data into the log: a sign-up that failed wrote the
 * new password hash. This keeps the SQL text and the database's own reason and code, and drops the
 * parameters. Installed once, by db/index.ts, for every driver.
 */
export function redactQueryErrors(): void {
  const prototype = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache; __casewiseRedacted?: true };
  if (prototype.__casewiseRedacted) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      throw error instanceof DrizzleQueryError ? redacted(error) : error;
    }
  };
  prototype.__casewiseRedacted = true;
}

class RedactedQueryError extends Error {
  readonly code: string | undefined;
  constructor(query: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : 'unknown error';
    super(`Failed query (parameters not logged): ${query.slice(0, 500)}\nreason: ${reason}`);
    this.name = 'RedactedQueryError';
    this.code = (cause as { code?: string } | undefined)?.code;
  }
}

function redacted(error: DrizzleQueryError): RedactedQueryError {
  // The database's message can quote a value too ("Key (email)=(…) already exists"), but never the
  // other parameters of the statement; keep it, it is what makes the log useful.
  return new RedactedQueryError(error.query, error.cause);
}
