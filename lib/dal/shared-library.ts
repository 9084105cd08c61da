import 'server-only';
import { and, asc, countDistinct, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { caseStudies, lessons, questions, users } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import type { DalResult } from './result';
import { requireAdmin } from './session';

/**
 * For the administrator: every published import (a case study with an owner) with its owner and
 * whether it is in the shared library. Shipped case studies are always shared and not listed;
 * drafts stay private to their owner and are not listed either. Null for anyone else.
 */
export async function listPublishedImports() {
  if (!(await requireAdmin())) return null;
  const db = await getDb();
  return db
    .select({
      id: caseStudies.id,
      slug: caseStudies.slug,
      title: caseStudies.title,
      shared: caseStudies.shared,
      updatedAt: caseStudies.updatedAt,
      owner: { name: users.name, email: users.email },
      lessons: countDistinct(lessons.id),
      questions: countDistinct(questions.id),
    })
    .from(caseStudies)
    .innerJoin(users, eq(users.id, caseStudies.ownerId))
    .leftJoin(lessons, and(eq(lessons.caseStudyId, caseStudies.id), isNull(lessons.retiredAt)))
    .leftJoin(questions, and(eq(questions.lessonId, lessons.id), eq(questions.enabled, true), isNull(questions.retiredAt)))
    .where(and(eq(caseStudies.status, 'published'), isNull(caseStudies.archivedAt)))
    .groupBy(caseStudies.id, users.id)
    .orderBy(desc(caseStudies.shared), asc(caseStudies.title));
}

type ShareError = 'not_admin' | 'not_found' | 'not_published';

/**
 * Promotes a published import into the shared library (every learner sees it, every instructor may
 * assign it) or takes it out again (back to its owner and the classes it is assigned to). Nothing
 * else about the case study changes, and no attempt is touched. Administrators only; a draft or a
 * shipped case study cannot be promoted, and an unknown id is not_found.
 */
export async function setCaseStudyShared({
  id,
  shared,
}: {
  id: string;
  shared: boolean;
}): Promise<DalResult<{ title: string }, ShareError>> {
  if (!(await requireAdmin())) return { ok: false, error: 'not_admin' };
  if (!isUuid(id)) return { ok: false, error: 'not_found' };
  const db = await getDb();
  // One statement: the status is checked in the same row update that sets the flag, so an owner
  // who withdraws the case study (deleting their account) at the same moment cannot be raced.
  const [updated] = await db
    .update(caseStudies)
    .set({ shared })
    .where(
      and(
        eq(caseStudies.id, id),
        isNotNull(caseStudies.ownerId),
        shared ? and(eq(caseStudies.status, 'published'), isNull(caseStudies.archivedAt)) : sql`true`,
      ),
    )
    .returning({ title: caseStudies.title });
  if (updated) return { ok: true, title: updated.title };
  const [existing] = await db.select({ ownerId: caseStudies.ownerId }).from(caseStudies).where(eq(caseStudies.id, id));
  return { ok: false, error: existing?.ownerId ? 'not_published' : 'not_found' };
}
