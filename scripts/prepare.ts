/**
 * Runs before `next dev`: a fresh clone gets a development AUTH_SECRET in .env.local. The database
 * is migrated and seeded by the server itself (instrumentation.ts), in development and production.
 */
import { ensureDevAuthSecret, loadEnv } from './env';

loadEnv(true);
if (ensureDevAuthSecret()) console.error('casewise: generated AUTH_SECRET into .env.local');
