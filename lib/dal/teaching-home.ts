import 'server-only';
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import { getDb, type Database } from '@/db';
import { assignments, attempts, classes, classMembers, lessons, users } from '@/db/schema';
import { getItemAnalysis } from './analysis';
import { requireInstructor } from './session';

/** Upcoming due dates shown per class. */
const UPCOMING = 3;

/** Submissions listed per class on the home; the rest are a click away in the class's gradebook. */
const WAITING_LISTED = 5;

/**
 * Submissions waiting for an instructor's grade, per class, oldest first: attempts of the class's
 * current students, on its assignments, with a written answer not yet graded (as the gradebook lists them).
 */
async function waitingForGrading(db: Database, classIds: readonly string[]) {
  const rows = await db
    .select({
      classId: assignments.classId,
      attemptId: attempts.id,
      studentName: users.name,
      lessonTitle: lessons.title,
      submittedAt: attempts.submittedAt,
    })
    .from(attempts)
    .innerJoin(assignments, eq(assignments.id, attempts.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(users, eq(users.id, attempts.userId))
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.userId, attempts.userId)))
    .where(and(inArray(assignments.classId, classIds), eq(attempts.gradingPending, true)))
    .orderBy(asc(attempts.submittedAt));
  const byClass = new Map<string, Omit<(typeof rows)[number], 'classId'>[]>();
  for (const { classId, ...row } of rows) byClass.set(classId, [...(byClass.get(classId) ?? []), row]);
  return byClass;
}

/**
 * The instructor's teaching home: each class with its students, what is due next, what waits for
 * grading and which quizzes item analysis flags questions in (over that class's attempts).
 */
export async function getTeachingHome({ now = new Date() }: { now?: Date } = {}) {
  const user = await requireInstructor();
  if (!user) return null;
  const db = await getDb();
  const mine = await db
    .select({ id: classes.id, name: classes.name })
    .from(classes)
    .where(eq(classes.ownerId, user.id))
    .orderBy(asc(classes.createdAt));
  const ids = mine.map((c) => c.id);
  if (!ids.length) return { classes: [] };
  const students = await db
    .select({ classId: classMembers.classId, n: count() })
    .from(classMembers)
    .where(inArray(classMembers.classId, ids))
    .groupBy(classMembers.classId);
  const assigned = await db
    .select({
      id: assignments.id,
      classId: assignments.classId,
      lessonId: assignments.lessonId,
      lessonTitle: lessons.title,
      dueAt: assignments.dueAt,
    })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(inArray(assignments.classId, ids))
    .orderBy(asc(assignments.dueAt));
  const upcoming = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(inArray(assignments.classId, ids), gt(assignments.dueAt, now)));
  const isUpcoming = new Set(upcoming.map((u) => u.id));
  const waiting = await waitingForGrading(db, ids);
  // Item analysis per assigned quiz, over this class's first attempts: only flags past the minimum sample.
  const flagged = await Promise.all(
    assigned.map(async (a) => {
      const analysis = await getItemAnalysis({ lessonId: a.lessonId, classId: a.classId, scope: 'first' });
      return {
        ...a,
        flags: analysis ? analysis.questions.filter((q) => q.flags.length > 0).length : 0,
        attempts: analysis?.report.test.attempts ?? 0,
      };
    }),
  );
  return {
    classes: mine.map((c) => {
      const own = flagged.filter((a) => a.classId === c.id);
      return {
        ...c,
        students: students.find((s) => s.classId === c.id)?.n ?? 0,
        assignments: own.length,
        upcoming: own.filter((a) => isUpcoming.has(a.id)).slice(0, UPCOMING),
        laterCount: Math.max(0, own.filter((a) => isUpcoming.has(a.id)).length - UPCOMING),
        waitingForGrading: waiting.get(c.id)?.length ?? 0,
        /** The oldest submissions to grade, each opening its grading screen. */
        waiting: (waiting.get(c.id) ?? []).slice(0, WAITING_LISTED),
        flagged: own.filter((a) => a.flags > 0).map((a) => ({ lessonId: a.lessonId, lessonTitle: a.lessonTitle, flags: a.flags })),
      };
    }),
  };
}
