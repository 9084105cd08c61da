import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { assignments, attempts } from '@/db/schema';
import { testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createClassroom, submitAs as submitQuiz, useSeededLesson } from '@/test/support/classroom';
import {
  type AssignmentSettings,
  getAssignmentForEdit,
  removeAssignment,
  removeExtension,
  setExtension,
  updateAssignment,
} from './assignments';
import { getAttemptById, getQuizTerms } from './attempts';
import { assignLessons, getAssignedToMe, getClassById, getGradebookByClassId } from './classes';
import { getStudentRecord } from './student-record';

vi.mock('@/lib/auth', () => import('@/test/session'));

const DUE = new Date('2030-12-15T22:30:00Z');
const settings: AssignmentSettings = { dueAt: DUE, attemptsAllowed: 2, answersShown: 'after_attempt', scoreRule: 'highest' };

describe.each(testDatabaseKinds)('assignments you can change on %s', (kind) => {
  const seeded = useSeededLesson(kind);

  const classroom = (overrides: Partial<AssignmentSettings> = {}) => createClassroom(seeded, { ...settings, ...overrides });
  const submitAs = (userId: string, assignmentId: string) => submitQuiz(seeded, userId, { assignmentId, answer: 'right' });

  it('opens the existing assignment when a lesson is assigned again, instead of replacing its settings', async () => {
    const { classId, assignmentId } = await classroom();
    const again = {
      classId,
      target: `lesson:${seeded.lessonId}`,
      ...settings,
      dueAt: new Date('2030-12-31T23:59:59Z'),
      attemptsAllowed: null,
    };
    expect(await assignLessons(again)).toEqual({ ok: false, error: 'already_assigned', assignmentId });
    const [row] = await seeded.handle.db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(row).toMatchObject({ dueAt: DUE, attemptsAllowed: 2 });
    // A whole case study adds only the lessons the class does not have yet.
    const caseId = (await getClassById({ id: classId }))!.assignable.find((l) => l.lessonId === seeded.lessonId)!.caseId;
    const whole = await assignLessons({ ...again, target: `case:${caseId}` });
    expect(whole).toMatchObject({ ok: true, kept: 1 });
    const [still] = await seeded.handle.db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(still).toMatchObject({ dueAt: DUE, attemptsAllowed: 2 });
  });

  it('edits and removes an assignment for its instructor only; attempts outlive the assignment', async () => {
    const { id, classId, assignmentId } = await classroom();
    const attempt = await submitAs(id.ann, assignmentId);
    if (!attempt.ok) throw new Error(attempt.error);
    const changed = {
      dueAt: new Date('2031-01-10T08:00:00Z'),
      attemptsAllowed: 3,
      answersShown: 'after_due',
      scoreRule: 'latest',
    } as const;
    for (const who of [id.rival, id.ann, id.outsider]) {
      signInAs(who);
      expect(await updateAssignment({ id: assignmentId, ...changed })).toEqual({ ok: false, error: 'not_found' });
      expect(await removeAssignment({ id: assignmentId })).toEqual({ ok: false, error: 'not_found' });
      expect(await getAssignmentForEdit({ id: assignmentId, classId })).toBeNull();
    }
    signInAs(id.teacher);
    expect(await getAssignmentForEdit({ id: assignmentId, classId: randomUUID() })).toBeNull();
    expect(await updateAssignment({ id: 'not-a-uuid', ...changed })).toEqual({ ok: false, error: 'not_found' });
    expect(await updateAssignment({ id: assignmentId, ...changed })).toEqual({ ok: true, classId });
    expect(await getAssignmentForEdit({ id: assignmentId, classId })).toMatchObject(changed);
    expect(await removeAssignment({ id: assignmentId })).toEqual({ ok: true, classId });
    expect((await getClassById({ id: classId }))!.assignments).toEqual([]);
    // Ann's attempt is still hers, now practice.
    const [kept] = await seeded.handle.db.select().from(attempts).where(eq(attempts.id, attempt.attemptId));
    expect(kept).toMatchObject({ userId: id.ann, assignmentId: null });
    signInAs(id.ann);
    expect(await getAttemptById({ id: attempt.attemptId })).not.toBeNull();
  });

  it('gives one student an extra attempt, which the server honours for them alone', async () => {
    const { id, assignmentId } = await classroom({ attemptsAllowed: 1 });
    for (const who of [id.ann, id.ben]) expect((await submitAs(who, assignmentId)).ok).toBe(true);
    expect(await submitAs(id.ann, assignmentId)).toEqual({ ok: false, error: 'no_attempts_left' });
    signInAs(id.teacher);
    expect(await setExtension({ assignmentId, studentId: id.ann, dueAt: null, extraAttempts: 1 })).toMatchObject({ ok: true });
    signInAs(id.ann);
    expect((await getQuizTerms({ lessonId: seeded.lessonId, assignmentId }))!.assignment).toMatchObject({
      attemptsAllowed: 2,
      used: 1,
      left: 1,
      extended: true,
    });
    expect((await submitAs(id.ann, assignmentId)).ok).toBe(true);
    expect(await submitAs(id.ann, assignmentId)).toEqual({ ok: false, error: 'no_attempts_left' });
    // Ben has no extension: still one attempt.
    expect(await submitAs(id.ben, assignmentId)).toEqual({ ok: false, error: 'no_attempts_left' });
    signInAs(id.teacher);
    expect(await removeExtension({ assignmentId, studentId: id.ann })).toMatchObject({ ok: true });
    expect(await submitAs(id.ann, assignmentId)).toEqual({ ok: false, error: 'no_attempts_left' });
  });

  it('moves one student’s due date: their late flag, their dashboard and when their answers show', async () => {
    const past = new Date(Date.now() - 86_400_000);
    const later = new Date(Date.now() + 7 * 86_400_000);
    const { id, classId, assignmentId } = await classroom({ dueAt: past, answersShown: 'after_due', attemptsAllowed: null });
    signInAs(id.teacher);
    expect(await setExtension({ assignmentId, studentId: id.ann, dueAt: later, extraAttempts: 0 })).toMatchObject({ ok: true });
    for (const who of [id.ann, id.ben]) expect((await submitAs(who, assignmentId)).ok).toBe(true);
    signInAs(id.teacher);
    const book = (await getGradebookByClassId({ classId }))!;
    const cell = (userId: string) => book.students.find((s) => s.id === userId)!.cells[0]!;
    expect(cell(id.ann)).toMatchObject({ late: false, extended: true });
    expect(cell(id.ben)).toMatchObject({ late: true, extended: false });
    signInAs(id.ann);
    expect((await getAssignedToMe())[0]).toMatchObject({ dueAt: later, late: false });
    // Past the class's due date Ben sees his answers; Ann's stay hidden until her own due date.
    expect((await getQuizTerms({ lessonId: seeded.lessonId, assignmentId: null }))!.reviewHiddenUntil).toEqual(later);
    signInAs(id.ben);
    expect((await getQuizTerms({ lessonId: seeded.lessonId, assignmentId: null }))!.reviewHiddenUntil).toBeNull();
  });

  it('refuses an extension for someone outside the class, one that is not later, one with nothing in it, and a rival', async () => {
    const { id, classId, assignmentId } = await classroom();
    signInAs(id.teacher);
    expect(await setExtension({ assignmentId, studentId: id.outsider, dueAt: null, extraAttempts: 1 })).toEqual({
      ok: false,
      error: 'not_in_class',
    });
    expect(await setExtension({ assignmentId, studentId: 'x', dueAt: null, extraAttempts: 1 })).toEqual({
      ok: false,
      error: 'not_in_class',
    });
    expect(await setExtension({ assignmentId, studentId: id.ann, dueAt: new Date('2030-01-01T00:00:00Z'), extraAttempts: 0 })).toEqual({
      ok: false,
      error: 'not_later',
    });
    expect(await setExtension({ assignmentId, studentId: id.ann, dueAt: null, extraAttempts: 0 })).toEqual({ ok: false, error: 'nothing' });
    signInAs(id.rival);
    expect(await setExtension({ assignmentId, studentId: id.ann, dueAt: null, extraAttempts: 5 })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await removeExtension({ assignmentId, studentId: id.ann })).toEqual({ ok: false, error: 'not_found' });
    signInAs(id.teacher);
    expect((await getAssignmentForEdit({ id: assignmentId, classId }))!.extensions).toEqual([]);
  });

  it('shows the instructor one student’s attempts, and the attempt page leads back to them', async () => {
    const { id, classId, assignmentId } = await classroom();
    const first = await submitAs(id.ann, assignmentId);
    const second = await submitAs(id.ann, assignmentId);
    if (!first.ok || !second.ok) throw new Error('not stored');
    signInAs(id.teacher);
    const record = (await getStudentRecord({ classId, studentId: id.ann }))!;
    expect(record.student.id).toBe(id.ann);
    expect(record.assignments[0]!.attempts.map((a) => a.id)).toEqual([first.attemptId, second.attemptId]);
    expect(record.assignments[0]!.cell).toMatchObject({ attempts: 2, score: 1 });
    expect((await getAttemptById({ id: first.attemptId }))!.gradebookHref).toBe(`/teach/classes/${classId}/students/${id.ann}`);
    expect(await getStudentRecord({ classId, studentId: id.outsider })).toBeNull();
    expect(await getStudentRecord({ classId, studentId: 'nope' })).toBeNull();
    signInAs(id.rival);
    expect(await getStudentRecord({ classId, studentId: id.ann })).toBeNull();
    signInAs(id.ann);
    expect(await getStudentRecord({ classId, studentId: id.ann })).toBeNull();
    expect((await getAttemptById({ id: first.attemptId }))!.gradebookHref).toBeNull();
  });
});
