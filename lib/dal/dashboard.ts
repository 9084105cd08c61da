import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, attempts, caseStudies, classes, lessons } from '@/db/schema';
import { listCaseStudies } from './catalog';
import { requireUser } from './session';

/** Progress per case study (lessons done, best scores) and the most recent attempts. */
export async function getDashboard() {
  const user = await requireUser();
  // One pass over the library: its lessons and progress are already there, no query per case study.
  const cases = await listCaseStudies();
  const db = await getDb();
  const recent = await db
    .select({
      id: attempts.id,
      score: attempts.score,
      maxScore: attempts.maxScore,
      submittedAt: attempts.submittedAt,
      lessonTitle: lessons.title,
      caseTitle: caseStudies.title,
      /** The class the attempt was made for; null: practice. */
      className: classes.name,
    })
    .from(attempts)
    .innerJoin(lessons, eq(lessons.id, attempts.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .leftJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .leftJoin(classes, eq(classes.id, assignments.classId))
    .where(eq(attempts.userId, user.id))
    .orderBy(desc(attempts.submittedAt))
    .limit(10);
  return { user, cases, recent };
}
