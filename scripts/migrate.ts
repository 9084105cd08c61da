import { startDatabase } from '@/lib/dal/internal/start-database';
import { loadEnv } from './env';

loadEnv();
try {
  const handle = await startDatabase({ seed: false, log: (line) => console.error(`casewise: ${line}`) });
  await handle.close();
} catch (error) {
  console.error('casewise: migration failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
