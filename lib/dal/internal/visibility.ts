import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { caseStudies } from '@/db/schema';
import type { Role } from '@/lib/auth.config';

/**
 * A user's library, as a where-clause (not a query): their own case studies, the shared library
 * (published and either shipped, with no owner, or promoted by an administrator), and a published
 * import assigned to a class they are in. An instructor's import is otherwise private to its owner
 * and those classes: publishing it does not put it in every learner's library (issue 10). An
 * archived case study is its owner's alone (its attempts stay readable on the attempt pages).
 */
export const inLibraryOf = (user: { id: string }) =>
  or(
    eq(caseStudies.ownerId, user.id),
    and(
      eq(caseStudies.status, 'published'),
      isNull(caseStudies.archivedAt),
      or(isNull(caseStudies.ownerId), eq(caseStudies.shared, true), assignedToAClassOf(user.id)),
    ),
  );

/**
 * What a user may open, read and take: their library and, for an administrator, every published
 * import too, so that they can read one before promoting it. Drafts stay with their owner.
 */
export const visibleTo = (user: { id: string; role: Role }) =>
  user.role === 'admin'
    ? or(inLibraryOf(user), and(eq(caseStudies.status, 'published'), isNull(caseStudies.archivedAt)))
    : inLibraryOf(user);

const assignedToAClassOf = (userId: string) => sql`exists (
  select 1 from assignments a
  join lessons l on l.id = a.lesson_id
  join class_members m on m.class_id = a.class_id
  where l.case_study_id = ${caseStudies.id} and m.user_id = ${userId}
)`;
