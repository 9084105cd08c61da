import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignmentExtensions, assignments, caseStudies, classes, classMembers, lessons, users } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import type { ScoreRule } from '@/lib/progress/counted-score';
import type { DalResult } from './result';
import { requireInstructor } from './session';

/** The assignment, only for the owner of its class; anyone else gets null (a 404). */
async function ownedAssignment(id: string) {
  const user = await requireInstructor();
  if (!user || !isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: assignments.id,
      classId: assignments.classId,
      className: classes.name,
      lessonId: assignments.lessonId,
      lessonTitle: lessons.title,
      caseTitle: caseStudies.title,
      dueAt: assignments.dueAt,
      attemptsAllowed: assignments.attemptsAllowed,
      answersShown: assignments.answersShown,
      scoreRule: assignments.scoreRule,
    })
    .from(assignments)
    .innerJoin(classes, eq(classes.id, assignments.classId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(assignments.id, id), eq(classes.ownerId, user.id)));
  return row ? { db, row } : null;
}

/** The assignment's settings, its class's students and their extensions, for the edit page. */
export async function getAssignmentForEdit({ id, classId }: { id: string; classId: string }) {
  const owned = await ownedAssignment(id);
  if (!owned || owned.row.classId !== classId) return null;
  const { db, row } = owned;
  const roster = await db
    .select({ id: users.id, name: users.name })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(eq(classMembers.classId, row.classId))
    .orderBy(asc(users.name));
  const extensions = await db
    .select({
      studentId: assignmentExtensions.userId,
      name: users.name,
      dueAt: assignmentExtensions.dueAt,
      extraAttempts: assignmentExtensions.extraAttempts,
    })
    .from(assignmentExtensions)
    .innerJoin(users, eq(users.id, assignmentExtensions.userId))
    .where(eq(assignmentExtensions.assignmentId, row.id))
    .orderBy(asc(users.name));
  return { ...row, roster, extensions };
}

export interface AssignmentSettings {
  dueAt: Date;
  /** null: unlimited. */
  attemptsAllowed: number | null;
  answersShown: 'after_attempt' | 'after_due';
  scoreRule: ScoreRule;
}

type Changed = DalResult<{ classId: string }, 'not_found'>;

/** Changes an assignment's settings. Attempts already made keep counting under the new rules. */
export async function updateAssignment({ id, ...settings }: { id: string } & AssignmentSettings): Promise<Changed> {
  const owned = await ownedAssignment(id);
  if (!owned) return { ok: false, error: 'not_found' };
  await owned.db.update(assignments).set(settings).where(eq(assignments.id, owned.row.id));
  return { ok: true, classId: owned.row.classId };
}

/**
 * Removes an assignment from its class. The attempts made for it are kept: they become the
 * students' practice (attempts.assignment_id is set null), so nobody loses their work.
 */
export async function removeAssignment({ id }: { id: string }): Promise<Changed> {
  const owned = await ownedAssignment(id);
  if (!owned) return { ok: false, error: 'not_found' };
  await owned.db.delete(assignments).where(eq(assignments.id, owned.row.id));
  return { ok: true, classId: owned.row.classId };
}

/**
 * Gives one student of the class a later due date, extra attempts, or both; replaces any extension
 * they had. A later date must be after the class's due date; nothing to extend removes it.
 */
export async function setExtension(input: {
  assignmentId: string;
  studentId: string;
  dueAt: Date | null;
  extraAttempts: number;
}): Promise<DalResult<{ classId: string }, 'not_found' | 'not_in_class' | 'not_later' | 'nothing'>> {
  const owned = await ownedAssignment(input.assignmentId);
  if (!owned) return { ok: false, error: 'not_found' };
  const { db, row } = owned;
  if (!isUuid(input.studentId)) return { ok: false, error: 'not_in_class' };
  const [member] = await db
    .select({ userId: classMembers.userId })
    .from(classMembers)
    .where(and(eq(classMembers.classId, row.classId), eq(classMembers.userId, input.studentId)));
  if (!member) return { ok: false, error: 'not_in_class' };
  if (input.dueAt && input.dueAt <= row.dueAt) return { ok: false, error: 'not_later' };
  if (!input.dueAt && input.extraAttempts === 0) return { ok: false, error: 'nothing' };
  const values = { dueAt: input.dueAt, extraAttempts: input.extraAttempts };
  await db
    .insert(assignmentExtensions)
    .values({ assignmentId: row.id, userId: member.userId, ...values })
    .onConflictDoUpdate({ target: [assignmentExtensions.assignmentId, assignmentExtensions.userId], set: values });
  return { ok: true, classId: row.classId };
}

export async function removeExtension({ assignmentId, studentId }: { assignmentId: string; studentId: string }): Promise<Changed> {
  const owned = await ownedAssignment(assignmentId);
  if (!owned || !isUuid(studentId)) return { ok: false, error: 'not_found' };
  const removed = await owned.db
    .delete(assignmentExtensions)
    .where(and(eq(assignmentExtensions.assignmentId, owned.row.id), eq(assignmentExtensions.userId, studentId)))
    .returning({ userId: assignmentExtensions.userId });
  return removed.length ? { ok: true, classId: owned.row.classId } : { ok: false, error: 'not_found' };
}
