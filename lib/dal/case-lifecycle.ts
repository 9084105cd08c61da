import 'server-only';
import { and, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { attempts, caseStudies, lessons } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import type { DalResult } from './result';
import { requireInstructor } from './session';

type Done = DalResult<object, 'not_found'>;

/** Sets columns on a case study of the signed-in instructor's; anyone else's is 'not_found'. */
async function setOwnCase(id: string, set: Partial<typeof caseStudies.$inferInsert>, only?: ReturnType<typeof and>): Promise<Done> {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return { ok: false, error: 'not_found' };
  const db = await getDb();
  const updated = await db
    .update(caseStudies)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(caseStudies.id, id), eq(caseStudies.ownerId, user.id), only))
    .returning({ id: caseStudies.id });
  return updated.length ? { ok: true } : { ok: false, error: 'not_found' };
}

/**
 * Back to a draft: learners no longer open it and it cannot be assigned; assignments and attempts
 * stay (the gradebook keeps them), and publishing it again brings it back as it was.
 */
export const unpublishCaseStudy = ({ id }: { id: string }) => setOwnCase(id, { status: 'draft' }, eq(caseStudies.status, 'published'));

/** Out of every library and assign list; its assignments and attempts are kept. */
export const archiveCaseStudy = ({ id }: { id: string }) => setOwnCase(id, { archivedAt: new Date() }, isNull(caseStudies.archivedAt));

export const restoreCaseStudy = ({ id }: { id: string }) => setOwnCase(id, { archivedAt: null }, isNotNull(caseStudies.archivedAt));

/**
 * Deletes a case study nobody has attempted. One with attempts is archived instead ('archived'):
 * attempts are learners' work and are never deleted with the content they were made on. The
 * lessons are locked first, so no attempt can be stored on them between the check and the delete.
 */
export async function deleteCaseStudy({ id }: { id: string }): Promise<DalResult<{ outcome: 'deleted' | 'archived' }, 'not_found'>> {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return { ok: false, error: 'not_found' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: caseStudies.id })
      .from(caseStudies)
      .where(and(eq(caseStudies.id, id), eq(caseStudies.ownerId, user.id)))
      .for('update');
    if (!own) return { ok: false as const, error: 'not_found' as const };
    const lessonIds = (await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.caseStudyId, own.id)).for('update')).map(
      (l) => l.id,
    );
    const [taken] = lessonIds.length
      ? await tx.select({ n: count() }).from(attempts).where(inArray(attempts.lessonId, lessonIds))
      : [{ n: 0 }];
    if (taken && taken.n > 0) {
      await tx.update(caseStudies).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(caseStudies.id, own.id));
      return { ok: true as const, outcome: 'archived' as const };
    }
    await tx.delete(caseStudies).where(eq(caseStudies.id, own.id));
    return { ok: true as const, outcome: 'deleted' as const };
  });
}
