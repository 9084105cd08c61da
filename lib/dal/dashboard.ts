import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, attempts, caseStudies, classes, lessons } from '@/db/schema';
import { libraryWithProgress, listLibraryRows } from './catalog';
import { getReviewSummary } from './review';
import { requireUser } from './session';

/** How many of the learner's scores the chart shows (the latest). */
const HISTORY_LENGTH = 50;
/** How many attempts the recent list shows. */
const RECENT_LENGTH = 10;

/**
 * Progress per case study (lessons passed, best scores and trends), the most recent attempts, the
 * scores over time for the chart, and what is due for review. Its reads run side by side, and the
 * learner's attempts are read once for the progress, the recent list and the chart.
 */
export async function getDashboard() {
  const user = await requireUser();
  const db = await getDb();
  const [library, mine, review] = await Promise.all([
    listLibraryRows(user),
    db
      .select({
        id: attempts.id,
        lessonId: attempts.lessonId,
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
      .orderBy(desc(attempts.submittedAt), desc(attempts.id)),
    getReviewSummary(),
  ]);
  const cases = libraryWithProgress(library, mine);
  const recent = mine.slice(0, RECENT_LENGTH).map(({ id, score, maxScore, submittedAt, lessonTitle, caseTitle, className }) => ({
    id,
    score,
    maxScore,
    submittedAt,
    lessonTitle,
    caseTitle,
    className,
  }));
  const history = mine
    .slice(0, HISTORY_LENGTH)
    .map(({ id, score, maxScore, submittedAt, lessonTitle }) => ({ id, score, maxScore, submittedAt, lessonTitle }))
    .reverse();
  return { user, cases, recent, history, review };
}
