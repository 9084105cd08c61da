import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';

export const dynamic = 'force-dynamic';

/** 200 once the database answers (and has been migrated), 503 while it cannot be reached. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, db: kind });
  } catch {
    return Response.json({ ok: false, error: 'database unavailable' }, { status: 503 });
  }
}
