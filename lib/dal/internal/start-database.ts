import { configureDatabase, getDatabase, type DatabaseHandle } from '@/db';
import { databaseOptions, serverEnv } from '@/lib/env';
import { seedContent } from './seed-content';

/**
 * Start-up, in the server (instrumentation.ts) or a script: validates the environment, points the
 * app at its database, applies the migrations and imports the shipped case studies. Throws on the
 * first problem, so a server that cannot serve does not start.
 */
export async function startDatabase({ seed, log }: { seed: boolean; log: (line: string) => void }): Promise<DatabaseHandle> {
  configureDatabase(databaseOptions(serverEnv()));
  // getDatabase opens the one shared database and migrates it before handing it out.
  const handle = await getDatabase();
  log(`migrations applied on ${handle.kind}`);
  if (!seed) return handle;
  for (const { file, result } of await seedContent(handle.db)) {
    if (!result.ok) throw new Error(`${file}: ${result.message ?? result.error}`);
    const counts = `${result.lessons} lessons, ${result.questions} questions`;
    log(`${file} ${result.changed ? 'imported' : 'up to date'} (${counts}) on ${handle.kind}`);
  }
  return handle;
}

/** The server's start-up (instrumentation.ts): prepare the database, or stop the process with the reason. */
export async function startServer(): Promise<void> {
  try {
    await startDatabase({ seed: true, log: (line) => console.error(`casewise: ${line}`) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error('casewise: the server cannot start until this is fixed.');
    // A server that cannot reach or migrate its database, or has a bad setting, must not serve.
    process.exit(1);
  }
}
