import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { classes, lessons, questions } from '@/db/schema';
import { seedContent } from '@/db/seed';
import { fieldName } from '@/lib/grading/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getAttemptById, submitQuizAttempt } from './attempts';
import {
  assign,
  createClass,
  getAssignedToMe,
  getClassForOwner,
  getGradebook,
  joinClass,
  listMyClasses,
  normalizeJoinCode,
  regenerateJoinCode,
  removeStudent,
} from './classes';

vi.mock('@/lib/auth', () => import('@/test/session'));

const LESSON = 'what-was-the-big-crackdown-all-about';

describe.each(testDatabaseKinds)('classes, assignments and the gradebook on %s', (kind) => {
  let handle: DatabaseHandle;
  const id: Record<'teacher' | 'rival' | 'ann' | 'ben' | 'outsider', string> = { teacher: '', rival: '', ann: '', ben: '', outsider: '' };
  let classId = '';
  let code = '';
  let lessonId = '';
  let attemptOfAnn = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    Object.assign(id, await createTestUsers({ teacher: 'instructor', rival: 'instructor', ann: 'student', ben: 'student', outsider: 'student' }));
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, LESSON));
    lessonId = lesson!.id;
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it('lets an instructor create a class with a hard-to-guess join code; students cannot', async () => {
    signInAs(id.ann);
    expect(await createClass('Sneaky')).toMatchObject({ ok: false });
    expect(await listMyClasses()).toBeNull();
    signInAs(id.teacher);
    const created = await createClass('Strategy 101');
    if (!created.ok) throw new Error(created.error);
    classId = created.id;
    const [row] = await handle.db.select().from(classes).where(eq(classes.id, classId));
    code = row!.joinCode;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const second = await createClass('Strategy 102');
    expect(second.ok).toBe(true);
    const codes = (await listMyClasses())!.map((c) => c.joinCode);
    expect(new Set(codes).size).toBe(2);
  });

  it('lets students join with the code as typed (any case, spaces), and refuses a wrong one', async () => {
    signInAs(id.ann);
    expect(await joinClass('NOTACODE!')).toMatchObject({ ok: false });
    expect(await joinClass('ZZZZZZZZ')).toMatchObject({ ok: false, error: expect.stringMatching(/No class/) });
    expect(await joinClass(` ${code.toLowerCase().slice(0, 4)} ${code.slice(4).toLowerCase()} `)).toEqual({ ok: true, className: 'Strategy 101' });
    expect(await joinClass(code)).toEqual({ ok: true, className: 'Strategy 101' }); // twice is harmless
    signInAs(id.ben);
    expect(await joinClass(code)).toMatchObject({ ok: true });
    signInAs(id.teacher);
    expect(await joinClass(code)).toMatchObject({ ok: false });
    expect((await getClassForOwner(classId))!.roster.map((s) => s.name)).toEqual(['ann', 'ben']);
    expect(normalizeJoinCode('ab-cd io lo')).toBe('ABCD1010');
  });

  it('assigns only published lessons, and a whole case study as one assignment per lesson', async () => {
    signInAs(id.teacher);
    const due = new Date('2030-01-01T00:00:00Z');
    expect(await assign({ classId, target: `lesson:${randomUUID()}`, dueAt: due, attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' })).toMatchObject({ ok: false });
    expect(await assign({ classId, target: 'lesson:<script>', dueAt: due, attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' })).toMatchObject({ ok: false });
    expect(await assign({ classId, target: `lesson:${lessonId}`, dueAt: due, attemptsAllowed: 2, answersShown: 'after_attempt', scoreRule: 'average' })).toEqual({ ok: true, count: 1 });
    signInAs(id.ann);
    const mine = await getAssignedToMe();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ lessonSlug: LESSON, className: 'Strategy 101', attempts: 0, score: null, late: false });
    signInAs(id.outsider);
    expect(await getAssignedToMe()).toEqual([]);
  });

  it('fills the gradebook with the counted score (average here), attempts used and lateness', async () => {
    const keys = await handle.db.select({ id: questions.id, answerKey: questions.answerKey }).from(questions).where(eq(questions.lessonId, lessonId));
    const sheet = (right: boolean) => (name: string) =>
      keys.flatMap(({ id: qid, answerKey: k }) => (name === fieldName(qid) && k.type === 'true_false' ? [String(right ? k.answer : !k.answer)] : name === fieldName(qid) && k.type === 'single_choice' ? [String(right ? k.answer : (k.answer + 1) % 3)] : name === fieldName(qid) && k.type === 'fill_blank' ? [right ? k.answer[0]! : 'x'] : name === fieldName(qid) && k.type === 'numeric' ? [String(right ? k.value : k.value + 999)] : []));
    signInAs(id.ann);
    const first = await submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: sheet(true) });
    if (!first.ok) throw new Error(first.error);
    attemptOfAnn = first.attemptId;
    await submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: sheet(false) });
    signInAs(id.teacher);
    const book = (await getGradebook(classId))!;
    const ann = book.students.find((s) => s.name === 'ann')!.cells[0]!;
    const ben = book.students.find((s) => s.name === 'ben')!.cells[0]!;
    expect(ann.attempts).toBe(2);
    expect(ann.score).toBeGreaterThan(0);
    expect(ann.score).toBeLessThan(1); // the average of a full and a poor attempt
    expect(ann.late).toBe(false);
    expect(ben).toMatchObject({ attempts: 0, score: null });
  });

  it('lets the teacher open a student’s attempt, but not another instructor or another student', async () => {
    signInAs(id.teacher);
    expect(await getAttemptById({ id: attemptOfAnn })).not.toBeNull();
    signInAs(id.rival);
    expect(await getAttemptById({ id: attemptOfAnn })).toBeNull();
    signInAs(id.ben);
    expect(await getAttemptById({ id: attemptOfAnn })).toBeNull();
  });

  it('keeps a second instructor and students out of every class read and action', async () => {
    for (const who of [id.rival, id.ann, id.outsider]) {
      signInAs(who);
      expect(await getClassForOwner(classId)).toBeNull();
      expect(await getGradebook(classId)).toBeNull();
      expect(await regenerateJoinCode(classId)).toBe(false);
      expect(await removeStudent(classId, id.ben)).toBe(false);
      expect(await assign({ classId, target: `lesson:${lessonId}`, dueAt: new Date(), attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' })).toMatchObject({ ok: false });
    }
    signInAs(id.teacher);
    expect((await getClassForOwner(classId))!.roster).toHaveLength(2);
    expect(await getGradebook('not-a-uuid')).toBeNull();
  });

  it('regenerates the code (the old one stops working) and removes a student without losing attempts', async () => {
    signInAs(id.teacher);
    expect(await regenerateJoinCode(classId)).toBe(true);
    signInAs(id.outsider);
    expect(await joinClass(code)).toMatchObject({ ok: false });
    signInAs(id.teacher);
    expect(await removeStudent(classId, id.ann)).toBe(true);
    expect((await getClassForOwner(classId))!.roster.map((s) => s.name)).toEqual(['ben']);
    signInAs(id.ann);
    expect(await getAssignedToMe()).toEqual([]);
    expect(await getAttemptById({ id: attemptOfAnn })).not.toBeNull();
  });
});
