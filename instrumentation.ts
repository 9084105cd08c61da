/**
 * Next.js calls register() once when a server starts (`next dev` and `next start`), before it
 * serves a request. Migrating and seeding here, inside the compiled app, is what lets a production
 * install (`npm ci --omit=dev`) start without tsx or any other dev tool.
 */
export async function register(): Promise<void> {
  // The edge runtime has no database driver; only the Node.js server prepares the database.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('@/lib/dal/internal/start-database');
    await startServer();
  }
}
