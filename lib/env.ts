import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env for the app's own settings. Parsed once, at start-up
 * (instrumentation.ts and the scripts call it first), so a bad value stops the server with a
 * message that names the variable instead of failing on the first request that needs it.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      // An empty value means "no server": the e2e PGlite server sets DATABASE_URL='' on purpose.
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^/\s]+\/\S+$/.test(v), {
        message: 'must be a PostgreSQL URL such as postgres://user:password@localhost:5432/casewise, or unset for the embedded database',
      }),
    PGLITE_DIR: z.string().trim().min(1, 'must name a folder, or memory:// to keep nothing').optional(),
    AUTH_SECRET: z
      .string()
      .optional()
      .refine((v) => v === undefined || v.length >= 32, {
        message: 'must be at least 32 characters (generate one with `openssl rand -base64 32`)',
      }),
    // Connections each app instance keeps to PostgreSQL at most (README "Running at scale").
    DATABASE_POOL_SIZE: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : 10))
      .refine((v) => Number.isInteger(v) && v >= 1 && v <= 200, {
        message: 'must be a whole number from 1 to 200 (connections per app instance)',
      }),
    // How many reverse proxies in front of the app append to X-Forwarded-For (lib/security/client-address.ts, SECURITY.md).
    TRUSTED_PROXY_HOPS: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : 0))
      .refine((v) => Number.isInteger(v) && v >= 0 && v <= 10, {
        message: 'must be a whole number from 0 to 10 (the reverse proxies in front of the app)',
      }),
    // Mail (password reset links). Unset: the message is written to the server log instead (SECURITY.md).
    SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .refine((v) => v === undefined || /^smtps?:\/\/\S+$/.test(v), {
        message: 'must be an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://…:465',
      }),
    MAIL_FROM: z.string().trim().min(3).max(200).default('Casewise <no-reply@casewise.invalid>'),
    // The address people open the app at: the only origin a mailed link is built from (never the request's Host).
    APP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
      .refine((v) => v === undefined || /^https?:\/\/[^/\s?#]+$/.test(v), {
        message: 'must be the origin people open the app at, such as https://casewise.example.org (no path)',
      }),
  })
  .superRefine((env, ctx) => {
    if (env.SMTP_URL && !env.APP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_URL'],
        message: 'is required with SMTP_URL: mailed links are built from it, never from the Host a client sends',
      });
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message: 'is required in production: it signs the session cookies (generate one with `openssl rand -base64 32`)',
      });
    }
  });

type ServerEnv = z.infer<typeof schema>;

/** One line per bad variable, so the operator can fix them all in one go. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: ServerEnv } | { ok: false; error: string } {
  const parsed = schema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'} ${issue.message}`);
  return { ok: false, error: `casewise: the environment is not valid:\n${lines.join('\n')}` };
}

let cached: ServerEnv | undefined;

/** The validated environment; throws (with every problem listed) the first time it is bad. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new Error(parsed.error);
  cached = parsed.env;
  return cached;
}

/** Where the database lives: a PostgreSQL server, or an embedded PGlite folder. */
export function databaseOptions(env: ServerEnv = serverEnv()): { url?: string; dir: string; poolSize: number } {
  return { url: env.DATABASE_URL, dir: env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite'), poolSize: env.DATABASE_POOL_SIZE };
}

/** The origin mailed links are built from: APP_URL, or the development server when it is unset (mail is only logged then). */
export function appUrl(env: ServerEnv = serverEnv()): string {
  return env.APP_URL ?? 'http://localhost:3000';
}
