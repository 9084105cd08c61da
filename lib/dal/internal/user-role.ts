import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import type { Role } from '@/lib/auth.config';
import type { DalResult } from '../result';

/**
 * Operator tooling (`npm run user:role`), no session: the only way to make an administrator. The
 * new role takes effect at once, because every older session of the user ends with it.
 */
export async function setUserRoleByEmail(
  db: Database,
  { email, role }: { email: string; role: Role },
): Promise<DalResult<{ id: string; previous: Role }, 'unknown_email'>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()))
      .for('update');
    if (!row) return { ok: false, error: 'unknown_email' };
    await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, row.id));
    return { ok: true, id: row.id, previous: row.role };
  });
}
