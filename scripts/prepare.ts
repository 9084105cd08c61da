/**
 * Runs before the app starts (`npm run dev`, `npm start`): checks the environment, applies the
 * migrations and seeds the shipped case studies, so a fresh clone needs no manual database setup.
 */
import { openDatabase } from '@/db/index';
import { migrateAndSeed } from '@/db/seed';
import { ensureDevAuthSecret, loadEnv } from './env';

const dev = process.argv.includes('--dev');
loadEnv(dev);

if (dev && ensureDevAuthSecret()) console.error('casewise: generated AUTH_SECRET into .env.local');
if (!dev && !process.env.AUTH_SECRET) {
  console.error('casewise: AUTH_SECRET is not set. Production refuses to start without it (generate one with `openssl rand -base64 32`).');
  process.exit(1);
}

const handle = await openDatabase();
try {
  await migrateAndSeed(handle, (line) => console.error(`casewise: ${line}`));
} catch (error) {
  console.error('casewise: could not prepare the database:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
