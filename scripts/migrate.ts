import { openDatabase } from '@/db/index';
import { runMigrations } from '@/db/migrate';
import { loadEnv } from './env';

loadEnv(process.env.NODE_ENV !== 'production');
const handle = await openDatabase();
try {
  await runMigrations(handle.db, handle.kind);
  console.error(`casewise: migrations applied on ${handle.kind}`);
} catch (error) {
  console.error('casewise: migration failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
