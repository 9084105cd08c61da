import 'server-only';
import { and, count, eq, exists, max, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import { assignmentExtensions, assignments, attempts, classes, classMembers } from '@/db/schema';
import { isUuid } from '@/lib/ids';

// Internal: takes a user id it trusts, so only DAL functions that checked the session call it.
// The database handle may be a transaction (submitting reads these under the learner's row lock).
type Reader = Pick<Database, 'select'>;

/**
 * An assignment a learner takes a quiz for, with the rules that bind the attempts made for it:
 * the class's, moved by the learner's own extension (a later due date, extra attempts) if any.
 */
interface AssignmentRules {
  id: string;
  classId: string;
  className: string;
  dueAt: Date;
  /** null: unlimited. */
  attemptsAllowed: number | null;
  answersShown: 'after_attempt' | 'after_due';
  /** True when an extension changed the due date or the limit for this learner. */
  extended: boolean;
}

/** The due date a learner works to: the later of the class's and their extension's. */
export const effectiveDueAt = (classDue: Date, extensionDue: Date | null | undefined): Date =>
  extensionDue && extensionDue > classDue ? extensionDue : classDue;

/** The limit a learner works to: the class's plus their extra attempts (unlimited stays unlimited). */
export const effectiveAttemptsAllowed = (allowed: number | null, extra: number | null | undefined): number | null =>
  allowed === null ? null : allowed + (extra ?? 0);

const ruleColumns = {
  id: assignments.id,
  classId: assignments.classId,
  className: classes.name,
  dueAt: assignments.dueAt,
  attemptsAllowed: assignments.attemptsAllowed,
  answersShown: assignments.answersShown,
  extensionDueAt: assignmentExtensions.dueAt,
  extraAttempts: assignmentExtensions.extraAttempts,
};

type RuleRow = Omit<AssignmentRules, 'extended'> & { extensionDueAt: Date | null; extraAttempts: number | null };

function withExtension({ extensionDueAt, extraAttempts, ...row }: RuleRow): AssignmentRules {
  const dueAt = effectiveDueAt(row.dueAt, extensionDueAt);
  const attemptsAllowed = effectiveAttemptsAllowed(row.attemptsAllowed, extraAttempts);
  return { ...row, dueAt, attemptsAllowed, extended: dueAt !== row.dueAt || attemptsAllowed !== row.attemptsAllowed };
}

const extensionOf = (userId: string) => and(eq(assignmentExtensions.assignmentId, assignments.id), eq(assignmentExtensions.userId, userId));

/**
 * The assignment, if the learner may take this lesson's quiz for it: it is for this lesson and the
 * learner is a member of its class now. A forged id, another class's assignment or another
 * lesson's gets null, the same for each.
 */
export async function assignmentForLearner(
  db: Reader,
  { userId, lessonId, assignmentId }: { userId: string; lessonId: string; assignmentId: string },
): Promise<AssignmentRules | null> {
  if (!isUuid(assignmentId) || !isUuid(lessonId)) return null;
  const [row] = await db
    .select(ruleColumns)
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.userId, userId)))
    .leftJoin(assignmentExtensions, extensionOf(userId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.lessonId, lessonId)));
  return row ? withExtension(row) : null;
}

/**
 * As assignmentForLearner, with the attempts the learner already made for it, in one query: the
 * submit reads both under the learner's row lock, where every round trip holds the lock longer.
 */
export async function assignmentWithUseForLearner(
  db: Reader,
  { userId, lessonId, assignmentId }: { userId: string; lessonId: string; assignmentId: string },
): Promise<(AssignmentRules & { used: number }) | null> {
  if (!isUuid(assignmentId) || !isUuid(lessonId)) return null;
  const [row] = await db
    .select({
      ...ruleColumns,
      used: sql<number>`(select count(*)::int from attempts x where x.assignment_id = ${assignmentId} and x.user_id = ${userId})`,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.userId, userId)))
    .leftJoin(assignmentExtensions, extensionOf(userId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.lessonId, lessonId)));
  if (!row) return null;
  const { used, ...rules } = row;
  return { ...withExtension(rules), used: Number(used) };
}

/**
 * Every assignment of this lesson in the learner's current classes (what the quiz page offers),
 * each with the attempts the learner made for it, in one query.
 */
export async function assignmentsOfLearner(db: Reader, { userId, lessonId }: { userId: string; lessonId: string }) {
  const rows = await db
    .select({
      ...ruleColumns,
      used: sql<number>`(select count(*)::int from attempts x where x.assignment_id = assignments.id and x.user_id = ${userId})`.mapWith(
        Number,
      ),
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(classMembers, and(eq(classMembers.classId, assignments.classId), eq(classMembers.userId, userId)))
    .leftJoin(assignmentExtensions, extensionOf(userId))
    .where(eq(assignments.lessonId, lessonId))
    .orderBy(assignments.dueAt);
  return rows.map(({ used, ...rules }) => ({ ...withExtension(rules), used }));
}

/** How many attempts the learner made for one assignment (practice and other classes never count). */
export async function attemptsUsed(db: Reader, { userId, assignmentId }: { userId: string; assignmentId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.assignmentId, assignmentId)));
  return row?.n ?? 0;
}

// A learner's extension moves their own due date, so it moves when their answers show too.
const heldUntil = sql`greatest(${assignments.dueAt}, ${assignmentExtensions.dueAt})`;

/**
 * The one rule for answers a class keeps hidden: an assignment (joined with the learner's extension)
 * of the lesson that shows answers only after its due date, which is still ahead at `now` and binds
 * the learner. An assignment binds them while they are in its class, and for good once they have
 * made an attempt for it (removing them from the class reveals nothing). It covers every attempt on
 * the lesson and every review of its questions, practice or for any class: the keys are the same.
 */
function holdsAnswersBack(db: Reader, { userId, lessonId, now }: { userId: string; lessonId: string | AnyPgColumn; now: Date }) {
  return and(
    eq(assignments.lessonId, lessonId),
    eq(assignments.answersShown, 'after_due'),
    sql`${heldUntil} > ${now.toISOString()}::timestamptz`,
    or(
      exists(
        db
          .select({ userId: classMembers.userId })
          .from(classMembers)
          .where(and(eq(classMembers.classId, assignments.classId), eq(classMembers.userId, userId))),
      ),
      exists(
        db
          .select({ id: attempts.id })
          .from(attempts)
          .where(and(eq(attempts.assignmentId, assignments.id), eq(attempts.userId, userId))),
      ),
    ),
  );
}

/** Until when none of a learner's attempts on a lesson may show answers, explanations or sources; null: they show. */
export async function reviewHiddenUntil(
  db: Reader,
  { userId, lessonId, now = new Date() }: { userId: string; lessonId: string; now?: Date },
): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(heldUntil) })
    .from(assignments)
    .leftJoin(assignmentExtensions, extensionOf(userId))
    .where(holdsAnswersBack(db, { userId, lessonId, now }));
  return row?.until ? new Date(row.until) : null;
}

/**
 * The same rule as a condition on a query over lessons (`lessonId` is its column): true where the
 * learner may see the lesson's answers now.
 */
export const answersShownFor = (db: Reader, { userId, lessonId, now }: { userId: string; lessonId: AnyPgColumn; now: Date }): SQL =>
  notExists(
    db
      .select({ id: assignments.id })
      .from(assignments)
      .leftJoin(assignmentExtensions, extensionOf(userId))
      .where(holdsAnswersBack(db, { userId, lessonId, now })),
  );
