import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createClassroom, SEEDED_LESSON, submitAs as submitQuiz, useSeededLesson } from '@/test/support/classroom';
import { createTestUsers } from '@/test/users';
import { getAttemptById } from './attempts';
import {
  assignLessons,
  createClass,
  getAssignedToMe,
  getClassById,
  getGradebookByClassId,
  joinClassByCode,
  listMyClasses,
  regenerateJoinCodeByClassId,
  removeStudentFromClass,
} from './classes';

vi.mock('@/lib/auth', () => import('@/test/session'));

const settings = { attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' } as const;

describe.each(testDatabaseKinds)('classes, assignments and the gradebook on %s', (kind) => {
  const seeded = useSeededLesson(kind);

  const classroom = ({ scoreRule = 'highest' }: { scoreRule?: 'highest' | 'average' } = {}) =>
    createClassroom(seeded, { dueAt: new Date('2030-01-01T00:00:00Z'), ...settings, scoreRule });

  const submitAs = async (userId: string, assignmentId: string, answer: 'right' | 'wrong') => {
    const result = await submitQuiz(seeded, userId, { assignmentId, answer });
    if (!result.ok) throw new Error(result.error);
    return result.attemptId;
  };

  it('lets an instructor create classes with distinct, hard-to-guess join codes; students cannot', async () => {
    const id = await createTestUsers({ teacher: 'instructor', student: 'student' });
    signInAs(id.student);
    expect(await createClass({ name: 'Sneaky' })).toEqual({ ok: false, error: 'not_instructor' });
    expect(await listMyClasses()).toBeNull();
    signInAs(id.teacher);
    expect((await createClass({ name: 'Strategy 101' })).ok).toBe(true);
    expect((await createClass({ name: 'Strategy 102' })).ok).toBe(true);
    const codes = (await listMyClasses())!.map((c) => c.joinCode);
    expect(codes).toHaveLength(2);
    expect(new Set(codes).size).toBe(2);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it('lets students join with the code as typed (any case, spaces), and refuses a wrong one', async () => {
    const id = await createTestUsers({ teacher: 'instructor', ann: 'student' });
    signInAs(id.teacher);
    const created = await createClass({ name: 'Strategy 101' });
    const code = created.ok ? (await getClassById({ id: created.id }))!.joinCode : '';
    signInAs(id.ann);
    expect(await joinClassByCode({ code: 'NOTACODE!' })).toEqual({ ok: false, error: 'malformed_code' });
    expect(await joinClassByCode({ code: 'ZZZZZZZZ' })).toEqual({ ok: false, error: 'unknown_code' });
    const typed = ` ${code.toLowerCase().slice(0, 4)} ${code.slice(4).toLowerCase()} `;
    const classId = created.ok ? created.id : '';
    expect(await joinClassByCode({ code: typed })).toEqual({ ok: true, classId, className: 'Strategy 101' });
    expect(await joinClassByCode({ code })).toEqual({ ok: true, classId, className: 'Strategy 101' }); // twice is harmless
    signInAs(id.teacher);
    expect(await joinClassByCode({ code })).toEqual({ ok: false, error: 'own_class' });
    expect((await getClassById({ id: created.ok ? created.id : '' }))!.roster.map((s) => s.id)).toEqual([id.ann]);
  });

  it('assigns only published lessons, and shows an assignment to the class’s students only', async () => {
    const { id, classId } = await classroom();
    const due = new Date('2030-01-01T00:00:00Z');
    const bad = (target: string) => assignLessons({ classId, target, dueAt: due, ...settings });
    expect(await bad(`lesson:${randomUUID()}`)).toEqual({ ok: false, error: 'not_published' });
    expect(await bad('lesson:<script>')).toEqual({ ok: false, error: 'bad_target' });
    signInAs(id.ann);
    const mine = await getAssignedToMe();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ lessonSlug: SEEDED_LESSON, className: 'Strategy 101', attempts: 0, score: null, late: false });
    signInAs(id.outsider);
    expect(await getAssignedToMe()).toEqual([]);
  });

  it('fills the gradebook with the counted score (average here), attempts used and lateness', async () => {
    const { id, classId, assignmentId } = await classroom({ scoreRule: 'average' });
    await submitAs(id.ann, assignmentId, 'right');
    await submitAs(id.ann, assignmentId, 'wrong');
    signInAs(id.teacher);
    const book = (await getGradebookByClassId({ classId }))!;
    const cell = (userId: string) => book.students.find((s) => s.id === userId)!.cells[0]!;
    expect(cell(id.ann)).toMatchObject({ attempts: 2, score: 0.5, late: false });
    expect(cell(id.ben)).toMatchObject({ attempts: 0, score: null });
  });

  it('lets the teacher open a student’s attempt, but not another instructor or another student', async () => {
    const { id, assignmentId } = await classroom();
    const attemptId = await submitAs(id.ann, assignmentId, 'right');
    signInAs(id.teacher);
    expect(await getAttemptById({ id: attemptId })).not.toBeNull();
    signInAs(id.rival);
    expect(await getAttemptById({ id: attemptId })).toBeNull();
    signInAs(id.ben);
    expect(await getAttemptById({ id: attemptId })).toBeNull();
  });

  it('keeps a second instructor and students out of every class read and action', async () => {
    const { id, classId } = await classroom();
    for (const who of [id.rival, id.ann, id.outsider]) {
      signInAs(who);
      expect(await getClassById({ id: classId })).toBeNull();
      expect(await getGradebookByClassId({ classId })).toBeNull();
      expect(await regenerateJoinCodeByClassId({ classId })).toEqual({ ok: false, error: 'not_found' });
      expect(await removeStudentFromClass({ classId, studentId: id.ben })).toEqual({ ok: false, error: 'not_found' });
      expect(await assignLessons({ classId, target: `lesson:${seeded.lessonId}`, dueAt: new Date(), ...settings })).toEqual({
        ok: false,
        error: 'not_found',
      });
    }
    signInAs(id.teacher);
    expect((await getClassById({ id: classId }))!.roster).toHaveLength(2);
    expect(await getGradebookByClassId({ classId: 'not-a-uuid' })).toBeNull();
  });

  it('regenerates the code (the old one stops working) and removes a student without losing attempts', async () => {
    const { id, classId, code, assignmentId } = await classroom();
    const attemptId = await submitAs(id.ann, assignmentId, 'right');
    signInAs(id.teacher);
    expect(await regenerateJoinCodeByClassId({ classId })).toEqual({ ok: true });
    signInAs(id.outsider);
    expect(await joinClassByCode({ code })).toEqual({ ok: false, error: 'unknown_code' });
    signInAs(id.teacher);
    expect(await removeStudentFromClass({ classId, studentId: id.ann })).toEqual({ ok: true });
    expect((await getClassById({ id: classId }))!.roster.map((s) => s.id)).toEqual([id.ben]);
    signInAs(id.ann);
    expect(await getAssignedToMe()).toEqual([]);
    expect(await getAttemptById({ id: attemptId })).not.toBeNull();
  });
});
