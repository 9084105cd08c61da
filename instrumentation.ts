/**
 * Next.js calls register() once when a server starts (`next dev` and `next start`), before it
 * serves a request. Migrating and seeding here, inside the compiled app, is what lets a production
 * install (`npm ci --omit=dev`) start without tsx or any other dev tool.
 */
export async function register(): Promise<void> {
  // The edge runtime has no database driver; only the Node.js server prepares the database.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startDatabase } = await import('@/lib/dal/internal/start-database');
  try {
    await startDatabase({ seed: true, log: (line) => console.error(`casewise: ${line}`) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error('casewise: the server cannot start until this is fixed.');
    process.exit(1);
  }
}
