import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { assignments, attempts, classMembers } from '@/db/schema';
import { combineRules, type QuizRules } from '@/lib/progress/assignment-rules';

// Internal: takes a user id it trusts, so only DAL functions that checked the session call it.

/** The rules a learner's classes set on a lesson's quiz (none: unlimited attempts, answers shown). */
export async function assignmentRulesFor(db: Database, userId: string, lessonId: string, now = new Date()): Promise<QuizRules> {
  const rules = await db
    .select({ attemptsAllowed: assignments.attemptsAllowed, answersShown: assignments.answersShown, dueAt: assignments.dueAt })
    .from(assignments)
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.userId, userId)))
    .where(eq(assignments.lessonId, lessonId));
  return combineRules(rules, now);
}

/** The rules, and how many attempts the learner has used on the lesson. */
export async function quizRulesFor(db: Database, userId: string, lessonId: string): Promise<QuizRules & { used: number }> {
  const [rules, [used]] = await Promise.all([
    assignmentRulesFor(db, userId, lessonId),
    db
      .select({ n: count() })
      .from(attempts)
      .where(and(eq(attempts.userId, userId), eq(attempts.lessonId, lessonId))),
  ]);
  return { ...rules, used: used?.n ?? 0 };
}
