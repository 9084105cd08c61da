import 'server-only';
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { assignments, attempts, caseStudies, classes, classMembers, lessons, users } from '@/db/schema';
import { countedScore, type ScoreRule } from '@/lib/progress/counted-score';
import { requireInstructor, requireUser } from './session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Crockford's base 32 without look-alikes (no I, L, O, U): 8 characters ≈ 40 bits.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE = /^[0-9A-HJKMNP-TV-Z]{8}$/;

export function newJoinCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Normalises what a student types: case, spaces and dashes, and the look-alikes O→0, I/L→1. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The class, only for its owner; anyone else gets null (a 404, never a hint that it exists). */
async function ownedClass(classId: string) {
  const user = await requireInstructor();
  if (!user || !UUID.test(classId)) return null;
  const db = await getDb();
  const [row] = await db.select().from(classes).where(and(eq(classes.id, classId), eq(classes.ownerId, user.id)));
  return row ? { db, user, cls: row } : null;
}

export async function listMyClasses() {
  const user = await requireInstructor();
  if (!user) return null;
  const db = await getDb();
  return db.select({ id: classes.id, name: classes.name, joinCode: classes.joinCode }).from(classes).where(eq(classes.ownerId, user.id)).orderBy(asc(classes.createdAt));
}

export async function createClass(name: string): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  const user = await requireInstructor();
  if (!user) return { ok: false, error: 'Only instructors can create classes.' };
  const db = await getDb();
  for (let tries = 0; tries < 5; tries++) {
    const [row] = await db.insert(classes).values({ ownerId: user.id, name, joinCode: newJoinCode() }).onConflictDoNothing().returning({ id: classes.id });
    if (row) return { ok: true, id: row.id };
  }
  return { ok: false, error: 'Could not create the class. Try again.' };
}

export async function regenerateJoinCode(classId: string): Promise<boolean> {
  const owned = await ownedClass(classId);
  if (!owned) return false;
  await owned.db.update(classes).set({ joinCode: newJoinCode() }).where(eq(classes.id, owned.cls.id));
  return true;
}

export async function removeStudent(classId: string, studentId: string): Promise<boolean> {
  const owned = await ownedClass(classId);
  if (!owned || !UUID.test(studentId)) return false;
  const removed = await owned.db
    .delete(classMembers)
    .where(and(eq(classMembers.classId, owned.cls.id), eq(classMembers.userId, studentId)))
    .returning({ userId: classMembers.userId });
  return removed.length > 0;
}

export type JoinResult = { ok: true; className: string } | { ok: false; error: string };

export async function joinClass(code: string): Promise<JoinResult> {
  const user = await requireUser();
  const normalized = normalizeJoinCode(code);
  if (!JOIN_CODE.test(normalized)) return { ok: false, error: 'That is not a join code. Codes have 8 letters and digits.' };
  const db = await getDb();
  const [cls] = await db.select({ id: classes.id, name: classes.name, ownerId: classes.ownerId }).from(classes).where(eq(classes.joinCode, normalized));
  if (!cls) return { ok: false, error: 'No class has that join code. Check it with your instructor.' };
  if (cls.ownerId === user.id) return { ok: false, error: 'You teach this class, so you cannot join it as a student.' };
  await db.insert(classMembers).values({ classId: cls.id, userId: user.id }).onConflictDoNothing();
  return { ok: true, className: cls.name };
}

/** Published case studies and their lessons: what an instructor can assign. */
async function assignableLessons(db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({ caseId: caseStudies.id, caseTitle: caseStudies.title, lessonId: lessons.id, lessonTitle: lessons.title })
    .from(lessons)
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(caseStudies.status, 'published'), isNull(lessons.retiredAt)))
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

export async function getClassForOwner(classId: string) {
  const owned = await ownedClass(classId);
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
  return { ...cls, roster, assignments: assigned, assignable: await assignableLessons(db) };
}

export interface AssignInput {
  classId: string;
  /** "case:<id>" for every lesson of a case study, "lesson:<id>" for one lesson. */
  target: string;
  dueAt: Date;
  attemptsAllowed: number | null;
  answersShown: 'after_attempt' | 'after_due';
  scoreRule: ScoreRule;
}

export async function assign(input: AssignInput): Promise<{ ok: true; count: number } | { ok: false; error: string }> {
  const owned = await ownedClass(input.classId);
  if (!owned) return { ok: false, error: 'Class not found.' };
  const m = /^(case|lesson):([0-9a-f-]{36})$/i.exec(input.target);
  if (!m || !UUID.test(m[2]!)) return { ok: false, error: 'Choose a case study or a lesson to assign.' };
  const available = await assignableLessons(owned.db);
  const chosen = available.filter((l) => (m[1] === 'case' ? l.caseId === m[2] : l.lessonId === m[2]));
  if (!chosen.length) return { ok: false, error: 'Only published case studies can be assigned.' };
  const settings = {
    dueAt: input.dueAt,
    attemptsAllowed: input.attemptsAllowed,
    answersShown: input.answersShown,
    scoreRule: input.scoreRule,
  };
  await owned.db
    .insert(assignments)
    .values(chosen.map((l) => ({ classId: owned.cls.id, lessonId: l.lessonId, ...settings })))
    .onConflictDoUpdate({ target: [assignments.classId, assignments.lessonId], set: settings });
  return { ok: true, count: chosen.length };
}

/** The gradebook: one row per student, one cell per assignment (counted score, attempts, late). */
export async function getGradebook(classId: string) {
  const data = await getClassForOwner(classId);
  if (!data) return null;
  const db = await getDb();
  const studentIds = data.roster.map((s) => s.id);
  const lessonIds = data.assignments.map((a) => a.lessonId);
  const rows =
    studentIds.length && lessonIds.length
      ? await db
          .select({ id: attempts.id, userId: attempts.userId, lessonId: attempts.lessonId, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
          .from(attempts)
          .where(and(inArray(attempts.userId, studentIds), inArray(attempts.lessonId, lessonIds)))
          .orderBy(asc(attempts.submittedAt))
      : [];
  const byCell = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.userId}:${r.lessonId}`;
    byCell.set(key, [...(byCell.get(key) ?? []), r]);
  }
  return {
    class: data,
    assignments: data.assignments,
    students: data.roster.map((student) => ({
      ...student,
      cells: data.assignments.map((a) => {
        const mine = byCell.get(`${student.id}:${a.lessonId}`) ?? [];
        const fractions = mine.map((r) => (r.maxScore ? r.score / r.maxScore : 0));
        return {
          assignmentId: a.id,
          score: countedScore(fractions, a.scoreRule),
          attempts: mine.length,
          late: mine.some((r) => r.submittedAt > a.dueAt),
          attemptIds: mine.map((r) => r.id),
        };
      }),
    })),
  };
}

/** What a student must do: assignments of every class they belong to, with their own progress. */
export async function getAssignedToMe() {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({ ...assignmentColumns, className: classes.name })
    .from(classMembers)
    .innerJoin(classes, eq(classes.id, classMembers.classId))
    .innerJoin(assignments, eq(assignments.classId, classes.id))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
    .where(and(eq(classMembers.userId, user.id), isNull(lessons.retiredAt)))
    .orderBy(asc(assignments.dueAt));
  if (!rows.length) return [];
  const mine = await db
    .select({ lessonId: attempts.lessonId, score: attempts.score, maxScore: attempts.maxScore, submittedAt: attempts.submittedAt })
    .from(attempts)
    .where(and(eq(attempts.userId, user.id), inArray(attempts.lessonId, rows.map((r) => r.lessonId))))
    .orderBy(asc(attempts.submittedAt));
  return rows.map((r) => {
    const done = mine.filter((a) => a.lessonId === r.lessonId);
    return {
      ...r,
      attempts: done.length,
      score: countedScore(done.map((a) => (a.maxScore ? a.score / a.maxScore : 0)), r.scoreRule),
      late: done.some((a) => a.submittedAt > r.dueAt),
    };
  });
}
