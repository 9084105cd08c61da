import { checkDatabaseHealth } from '@/lib/dal/health';

export const dynamic = 'force-dynamic';

/** 200 once the database answers (and has been migrated), 503 while it cannot be reached. */
export async function GET() {
  const health = await checkDatabaseHealth();
  return health.ok
    ? Response.json({ ok: true, db: health.kind })
    : Response.json({ ok: false, error: 'database unavailable' }, { status: 503 });
}
