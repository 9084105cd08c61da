import { startDatabase } from '@/lib/dal/internal/start-database';
import { loadEnv } from './env';

loadEnv();
try {
  const handle = await startDatabase({ seed: true, log: (line) => console.error(`casewise: ${line}`) });
  await handle.close();
} catch (error) {
  console.error('casewise: seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
