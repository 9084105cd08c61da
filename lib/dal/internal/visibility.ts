import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { caseStudies } from '@/db/schema';

/**
 * The case studies a user may see, as a where-clause (not a query): their own, the shipped library
 * (published, no owner), and a published import assigned to a class they are in. An instructor's
 * import is private to its owner and those classes: publishing it does not put it in every
 * learner's library (issue 10).
 */
export const visibleTo = (user: { id: string }) =>
  or(
    eq(caseStudies.ownerId, user.id),
    and(eq(caseStudies.status, 'published'), or(isNull(caseStudies.ownerId), assignedToAClassOf(user.id))),
  );

const assignedToAClassOf = (userId: string) => sql`exists (
  select 1 from assignments a
  join lessons l on l.id = a.lesson_id
  join class_members m on m.class_id = a.class_id
  where l.case_study_id = ${caseStudies.id} and m.user_id = ${userId}
)`;
