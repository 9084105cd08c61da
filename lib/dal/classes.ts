import 'server-only';
import { and, asc, count, eq, inArray, isNull, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignmentExtensions, assignments, attempts, caseStudies, classes, classMembers, lessons, users } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { JOIN_CODE, newJoinCode, normalizeJoinCode } from '@/lib/join-code';
import { countedScore, type ScoreRule } from '@/lib/progress/counted-score';
import { scoreFraction } from '@/lib/progress/score';
import { effectiveAttemptsAllowed, effectiveDueAt } from './internal/quiz-rules';
import type { DalResult } from './result';
import { requireInstructor, requireUser } from './session';
/** The class, only for its owner; anyone else gets null (a 404, never a hint that it exists). */
async function ownedClass(classId: string) {
  const user = await requireInstructor();
  if (!user || !isUuid(classId)) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(classes)
    .where(and(eq(classes.id, classId), eq(classes.ownerId, user.id)));
  return row ? { db, user, cls: row } : null;
}

export async function listMyClasses() {
  const user = await requireInstructor();
  if (!user) return null;
  const db = await getDb();
  return db
    .select({ id: classes.id, name: classes.name, joinCode: classes.joinCode })
    .from(classes)
    .where(eq(classes.ownerId, user.id))
    .orderBy(asc(classes.createdAt));
}

export async function createClass({ name }: { name: string }): Promise<DalResult<{ id: string }, 'not_instructor' | 'code_clash'>> {
  const user = await requireInstructor();
  if (!user) return { ok: false, error: 'not_instructor' };
  const db = await getDb();
  for (let tries = 0; tries < 5; tries++) {
    const [row] = await db
      .insert(classes)
      .values({ ownerId: user.id, name, joinCode: newJoinCode() })
      .onConflictDoNothing()
      .returning({ id: classes.id });
    if (row) return { ok: true, id: row.id };
  }
  // Five clashes in a row on 40 bits means something else is wrong; the instructor can retry.
  return { ok: false, error: 'code_clash' };
}

export async function regenerateJoinCodeByClassId({ classId }: { classId: string }): Promise<DalResult<object, 'not_found'>> {
  const owned = await ownedClass(classId);
  if (!owned) return { ok: false, error: 'not_found' };
  await owned.db.update(classes).set({ joinCode: newJoinCode() }).where(eq(classes.id, owned.cls.id));
  return { ok: true };
}

export async function removeStudentFromClass({
  classId,
  studentId,
}: {
  classId: string;
  studentId: string;
}): Promise<DalResult<object, 'not_found'>> {
  const owned = await ownedClass(classId);
  if (!owned || !isUuid(studentId)) return { ok: false, error: 'not_found' };
  const removed = await owned.db
    .delete(classMembers)
    .where(and(eq(classMembers.classId, owned.cls.id), eq(classMembers.userId, studentId)))
    .returning({ userId: classMembers.userId });
  return removed.length > 0 ? { ok: true } : { ok: false, error: 'not_found' };
}

export async function joinClassByCode({
  code,
}: {
  code: string;
}): Promise<DalResult<{ classId: string; className: string }, 'malformed_code' | 'unknown_code' | 'own_class'>> {
  const user = await requireUser();
  const normalized = normalizeJoinCode(code);
  if (!JOIN_CODE.test(normalized)) return { ok: false, error: 'malformed_code' };
  const db = await getDb();
  const [cls] = await db
    .select({ id: classes.id, name: classes.name, ownerId: classes.ownerId })
    .from(classes)
    .where(eq(classes.joinCode, normalized));
  if (!cls) return { ok: false, error: 'unknown_code' };
  if (cls.ownerId === user.id) return { ok: false, error: 'own_class' };
  await db.insert(classMembers).values({ classId: cls.id, userId: user.id }).onConflictDoNothing();
  return { ok: true, classId: cls.id, className: cls.name };
}

/** The class a join code opens and who teaches it, for the join page to name before joining; null when none. */
export async function findClassByJoinCode({ code }: { code: string }): Promise<{ name: string; teacher: string } | null> {
  await requireUser();
  const normalized = normalizeJoinCode(code);
  if (!JOIN_CODE.test(normalized)) return null;
  const db = await getDb();
  const [cls] = await db
    .select({ name: classes.name, teacher: users.name })
    .from(classes)
    .innerJoin(users, eq(users.id, classes.ownerId))
    .where(eq(classes.joinCode, normalized));
  return cls ?? null;
}

/** The name of a class the signed-in user is a member of (the dashboard's "You joined …"); null otherwise. */
export async function getJoinedClassName({ classId }: { classId: string }): Promise<string | null> {
  const user = await requireUser();
  if (!isUuid(classId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ name: classes.name })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .where(and(eq(classMembers.classId, classId), eq(classMembers.userId, user.id)));
  return row?.name ?? null;
}

/**
 * What an instructor can assign: the shared library (shipped, or promoted by an administrator) and
 * their own published case studies. Never another instructor's private import, which belongs to
 * its owner and the classes it is assigned to.
 */
async function assignableLessons(db: Awaited<ReturnType<typeof getDb>>, instructorId: string) {
  return db
    .select({ caseId: caseStudies.id, caseTitle: caseStudies.title, lessonId: lessons.id, lessonTitle: lessons.title })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(
      and(
        eq(caseStudies.status, 'published'),
        isNull(caseStudies.archivedAt),
        isNull(lessons.retiredAt),
        or(isNull(caseStudies.ownerId), eq(caseStudies.shared, true), eq(caseStudies.ownerId, instructorId)),
      ),
    )
    .orderBy(asc(caseStudies.title), asc(lessons.position));
}

/** The columns every assignment listing shows (the lesson and case study it points at, its settings). */
const assignmentColumns = {
  id: assignments.id,
  lessonId: assignments.lessonId,
  lessonTitle: lessons.title,
  lessonSlug: lessons.slug,
  caseSlug: caseStudies.slug,
  caseTitle: caseStudies.title,
  dueAt: assignments.dueAt,
  attemptsAllowed: assignments.attemptsAllowed,
  answersShown: assignments.answersShown,
  scoreRule: assignments.scoreRule,
};

export async function getClassById({ id }: { id: string }) {
  const owned = await ownedClass(id);
  if (!owned) return null;
  const { db, cls } = owned;
  const roster = await db
    .select({ id: users.id, name: users.name, email: users.email, joinedAt: classMembers.joinedAt })
    .from(classMembers)
    .innerJoin(users, eq(users.id, classMembers.userId))
    .where(eq(classMembers.classId, cls.id))
    .orderBy(asc(users.name));
  const assigned = await db
    .select(assignmentColumns)
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(eq(assignments.classId, cls.id))
    .orderBy(asc(assignments.dueAt), asc(lessons.position));
  const extended = assigned.length
    ? await db
        .select({ assignmentId: assignmentExtensions.assignmentId, n: count() })
        .from(assignmentExtensions)
        .where(
          inArray(
            assignmentExtensions.assignmentId,
            assigned.map((a) => a.id),
          ),
        )
        .groupBy(assignmentExtensions.assignmentId)
    : [];
  const extensions = new Map(extended.map((e) => [e.assignmentId, e.n]));
  return {
    ...cls,
    roster,
    assignments: assigned.map((a) => ({ ...a, extensions: extensions.get(a.id) ?? 0 })),
    assignable: await assignableLessons(db, cls.ownerId),
  };
}

interface AssignInput {
  classId: string;
  /** "case:<id>" for every lesson of a case study, "lesson:<id>" for one lesson. */
  target: string;
  dueAt: Date;
  attemptsAllowed: number | null;
  answersShown: 'after_attempt' | 'after_due';
  scoreRule: ScoreRule;
}

type AssignResult =
  | DalResult<{ count: number; kept: number }, 'not_found' | 'bad_target' | 'not_published'>
  | { ok: false; error: 'already_assigned'; assignmentId: string };

/**
 * Assigns a lesson, or every lesson of a case study, to the class. A lesson the class already has
 * keeps its assignment and settings: one lesson asked for again answers 'already_assigned' with
 * the existing assignment (the page opens it for editing); of a whole case study only the lessons
 * not yet assigned are added, and `kept` says how many were left as they were.
 */
export async function assignLessons(input: AssignInput): Promise<AssignResult> {
  const owned = await ownedClass(input.classId);
  if (!owned) return { ok: false, error: 'not_found' };
  const m = /^(case|lesson):(.{36})$/.exec(input.target);
  if (!m || !isUuid(m[2]!)) return { ok: false, error: 'bad_target' };
  const available = await assignableLessons(owned.db, owned.cls.ownerId);
  const chosen = available.filter((l) => (m[1] === 'case' ? l.caseId === m[2] : l.lessonId === m[2]));
  if (!chosen.length) return { ok: false, error: 'not_published' };
  const settings = {
    dueAt: input.dueAt,
    attemptsAllowed: input.attemptsAllowed,
    answersShown: input.answersShown,
    scoreRule: input.scoreRule,
  };
  const added = await owned.db
    .insert(assignments)
    .values(chosen.map((l) => ({ classId: owned.cls.id, lessonId: l.lessonId, ...settings })))
    .onConflictDoNothing({ target: [assignments.classId, assignments.lessonId] })
    .returning({ id: assignments.id });
  if (m[1] === 'lesson' && added.length === 0) {
    const [existing] = await owned.db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.classId, owned.cls.id), eq(assignments.lessonId, chosen[0]!.lessonId)));
    if (existing) return { ok: false, error: 'already_assigned', assignmentId: existing.id };
  }
  return { ok: true, count: added.length, kept: chosen.length - added.length };
}

/**
 * The gradebook: one row per student, one cell per assignment (counted score, attempts, late).
 * A cell holds only the attempts made for that assignment: practice, and attempts made for another
 * class with the same lesson, never count here.
 */
export async function getGradebookByClassId({ classId }: { classId: string }) {
  const data = await getClassById({ id: classId });
  if (!data) return null;
  const db = await getDb();
  const studentIds = data.roster.map((s) => s.id);
  const assignmentIds = data.assignments.map((a) => a.id);
  const rows =
    studentIds.length && assignmentIds.length
      ? await db
          .select({
            id: attempts.id,
            userId: attempts.userId,
            assignmentId: attempts.assignmentId,
            score: attempts.score,
            maxScore: attempts.maxScore,
            gradingPending: attempts.gradingPending,
            submittedAt: attempts.submittedAt,
          })
          .from(attempts)
          .where(and(inArray(attempts.userId, studentIds), inArray(attempts.assignmentId, assignmentIds)))
          .orderBy(asc(attempts.submittedAt))
      : [];
  const extensions = assignmentIds.length
    ? await db
        .select({
          assignmentId: assignmentExtensions.assignmentId,
          userId: assignmentExtensions.userId,
          dueAt: assignmentExtensions.dueAt,
          extraAttempts: assignmentExtensions.extraAttempts,
        })
        .from(assignmentExtensions)
        .where(inArray(assignmentExtensions.assignmentId, assignmentIds))
    : [];
  const extensionOf = new Map(extensions.map((e) => [`${e.userId}:${e.assignmentId}`, e]));
  const byCell = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.userId}:${r.assignmentId}`;
    byCell.set(key, [...(byCell.get(key) ?? []), r]);
  }
  const names = new Map(data.roster.map((s) => [s.id, s.name]));
  const lessonOf = new Map(data.assignments.map((a) => [a.id, a.lessonTitle]));
  return {
    class: data,
    assignments: data.assignments,
    /** Attempts whose written answers wait for the instructor, oldest first. */
    waiting: rows
      .filter((r) => r.gradingPending)
      .map((r) => ({
        attemptId: r.id,
        studentName: names.get(r.userId ?? '') ?? '',
        lessonTitle: lessonOf.get(r.assignmentId!) ?? '',
        submittedAt: r.submittedAt,
      })),
    students: data.roster.map((student) => ({
      ...student,
      cells: data.assignments.map((a) => {
        const mine = byCell.get(`${student.id}:${a.id}`) ?? [];
        const fractions = mine.map((r) => scoreFraction(r.score, r.maxScore));
        const extension = extensionOf.get(`${student.id}:${a.id}`);
        const dueAt = effectiveDueAt(a.dueAt, extension?.dueAt);
        return {
          assignmentId: a.id,
          score: countedScore(fractions, a.scoreRule),
          attempts: mine.length,
          // Late against the student's own due date (an extension moves it).
          late: mine.some((r) => r.submittedAt > dueAt),
          extended: Boolean(extension),
          attemptIds: mine.map((r) => r.id),
          /** Attempts of this cell with written answers still to grade. */
          pendingAttemptIds: mine.filter((r) => r.gradingPending).map((r) => r.id),
        };
      }),
    })),
  };
}

/**
 * What a student must do: assignments of every class they belong to, with their progress on each
 * (only the attempts made for that assignment).
 */
export async function getAssignedToMe() {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      ...assignmentColumns,
      className: classes.name,
      extensionDueAt: assignmentExtensions.dueAt,
      extraAttempts: assignmentExtensions.extraAttempts,
    })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(assignments, eq(assignments.classId, classes.id))
    .leftJoin(assignmentExtensions, and(eq(assignmentExtensions.assignmentId, assignments.id), eq(assignmentExtensions.userId, user.id)))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    // An unpublished or archived case study is no longer anything to do (its attempts are kept).
    .where(
      and(eq(classMembers.userId, user.id), isNull(lessons.retiredAt), eq(caseStudies.status, 'published'), isNull(caseStudies.archivedAt)),
    )
    .orderBy(asc(assignments.dueAt));
  if (!rows.length) return [];
  const mine = await db
    .select({ assignmentId: attempts.assignmentId, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
    .from(attempts)
    .where(
      and(
        eq(attempts.userId, user.id),
        inArray(
          attempts.assignmentId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(attempts.submittedAt));
  return rows.map(({ extensionDueAt, extraAttempts, ...r }) => {
    const done = mine.filter((a) => a.assignmentId === r.id);
    // The student's own terms: their extension, if any, moves the due date and the limit.
    const dueAt = effectiveDueAt(r.dueAt, extensionDueAt);
    return {
      ...r,
      dueAt,
      attemptsAllowed: effectiveAttemptsAllowed(r.attemptsAllowed, extraAttempts),
      attempts: done.length,
      score: countedScore(
        done.map((a) => scoreFraction(a.score, a.maxScore)),
        r.scoreRule,
      ),
      late: done.some((a) => a.submittedAt > dueAt),
    };
  });
}
