import { openDatabase } from '@/db/index';
import { migrateAndSeed } from '@/db/seed';
import { loadEnv } from './env';

loadEnv(process.env.NODE_ENV !== 'production');
const handle = await openDatabase();
try {
  await migrateAndSeed(handle, (line) => console.error(`casewise: ${line}`));
} catch (error) {
  console.error('casewise: seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
