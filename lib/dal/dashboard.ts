import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, attempts, caseStudies, classes, lessons } from '@/db/schema';
import { listCaseStudies } from './catalog';
import { getReviewSummary } from './review';
import { requireUser } from './session';

/** How many of the learner's scores the chart shows (the latest). */
const HISTORY_LENGTH = 50;

/**
 * Progress per case study (lessons passed, best scores and trends), the most recent attempts, the
 * scores over time for the chart, and what is due for review.
 */
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
  const [history, review] = await Promise.all([
    db
      .select({
        id: attempts.id,
        score: attempts.score,
        maxScore: attempts.maxScore,
        submittedAt: attempts.submittedAt,
        lessonTitle: lessons.title,
      })
      .from(attempts)
      .innerJoin(lessons, eq(lessons.id, attempts.lessonId))
      .where(eq(attempts.userId, user.id))
      .orderBy(desc(attempts.submittedAt))
      .limit(HISTORY_LENGTH),
    getReviewSummary(),
  ]);
  return { user, cases, recent, history: history.reverse(), review };
}
