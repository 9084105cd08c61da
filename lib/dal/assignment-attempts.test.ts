import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { attempts, lessons, questions } from '@/db/schema';
import type { StoredAnswerKey as AnswerKey, StoredQuestionData as PublicQuestionData } from '@/lib/questions/kinds';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getItemAnalysis } from './analysis';
import { updateAssignment } from './assignments';
import { getAttemptById, getQuizTerms, submitQuizAttempt } from './attempts';
import {
  assignLessons,
  createClass,
  getAssignedToMe,
  getClassById,
  getGradebookByClassId,
  joinClassByCode,
  removeStudentFromClass,
} from './classes';
import { seedContent } from './internal/seed-content';

vi.mock('@/lib/auth', () => import('@/test/session'));

// Issue 10: an attempt belongs to the assignment it was started from, and counts only there.
const LESSON = 'what-was-the-big-crackdown-all-about';
const due = new Date('2099-06-30T23:59:59Z');

type Settings = {
  attemptsAllowed: number | null;
  answersShown: 'after_attempt' | 'after_due';
  scoreRule: 'highest' | 'latest' | 'first' | 'average';
  dueAt?: Date;
};

describe.each(testDatabaseKinds)('attempts that belong to an assignment on %s', (kind) => {
  let handle: DatabaseHandle;
  let lessonId = '';
  let otherLessonId = '';
  let keys: { id: string; answerKey: AnswerKey; data: PublicQuestionData }[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, LESSON));
    lessonId = lesson!.id;
    const [other] = await handle.db
      .select()
      .from(lessons)
      .where(and(eq(lessons.caseStudyId, lesson!.caseStudyId), ne(lessons.id, lessonId)))
      .orderBy(asc(lessons.position));
    otherLessonId = other!.id;
    keys = await handle.db
      .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
      .from(questions)
      .where(eq(questions.lessonId, lessonId));
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  /** A class of `owner`'s with the lesson assigned under `settings`, joined by `students`. */
  async function classOf(owner: string, students: string[], settings: Settings, lesson = lessonId) {
    signInAs(owner);
    const created = await createClass({ name: `Class ${randomUUID().slice(0, 6)}` });
    if (!created.ok) throw new Error(created.error);
    const classId = created.id;
    const assigned = await assignLessons({ classId, target: `lesson:${lesson}`, dueAt: settings.dueAt ?? due, ...settings });
    expect(assigned).toEqual({ ok: true, count: 1, kept: 0 });
    const cls = (await getClassById({ id: classId }))!;
    for (const student of students) {
      signInAs(student);
      expect(await joinClassByCode({ code: cls.joinCode })).toMatchObject({ ok: true });
    }
    return { classId, assignmentId: cls.assignments.find((a) => a.lessonId === lesson)!.id };
  }

  /** Submits as `userId` for an assignment (null: practice); returns the result as the DAL gave it. */
  const submit = (userId: string, assignmentId: string | null, answer: 'right' | 'wrong', lesson = lessonId) => {
    signInAs(userId);
    return submitQuizAttempt({ lessonId: lesson, assignmentId, ...asSubmission(answerSheet(keys, answer)) });
  };
  const stored = async (userId: string, assignmentId: string | null, answer: 'right' | 'wrong') => {
    const result = await submit(userId, assignmentId, answer);
    if (!result.ok) throw new Error(`not stored: ${result.error}`);
    return result.attemptId;
  };
  const attemptCount = async (userId: string) =>
    (await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, userId)))[0]!.n;
  const cellOf = async (owner: string, classId: string, student: string) => {
    signInAs(owner);
    return (await getGradebookByClassId({ classId }))!.students.find((s) => s.id === student)!.cells[0]!;
  };
  const hidesEverything = (attempt: Awaited<ReturnType<typeof getAttemptById>>) =>
    attempt !== null &&
    attempt.questions.every((q) => q.review === null) &&
    !/rightAnswer|explanation|"source"/.test(JSON.stringify(attempt));

  it('a second class with unlimited attempts does not lift the real class’s limit or change its gradebook', async () => {
    const id = await createTestUsers({ teacher: 'instructor', shadow: 'instructor', ann: 'student' });
    const real = await classOf(id.teacher, [id.ann], { attemptsAllowed: 1, answersShown: 'after_attempt', scoreRule: 'highest' });
    // Ann's second account, an instructor, assigns the same lesson without a limit, and Ann joins.
    const second = await classOf(id.shadow, [id.ann], { attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' });

    await stored(id.ann, real.assignmentId, 'wrong');
    for (let i = 0; i < 3; i++) await stored(id.ann, second.assignmentId, 'right');
    expect(await submit(id.ann, real.assignmentId, 'right')).toEqual({ ok: false, error: 'no_attempts_left' });

    expect(await cellOf(id.teacher, real.classId, id.ann)).toMatchObject({ attempts: 1, score: 0 });
    expect(await cellOf(id.shadow, second.classId, id.ann)).toMatchObject({ attempts: 3, score: 1 });
    signInAs(id.ann);
    const mine = await getAssignedToMe();
    expect(mine.find((a) => a.id === real.assignmentId)).toMatchObject({ attempts: 1, score: 0 });
    expect(mine.find((a) => a.id === second.assignmentId)).toMatchObject({ attempts: 3, score: 1 });
    expect((await getQuizTerms({ lessonId, assignmentId: real.assignmentId }))!.assignment).toMatchObject({ used: 1, left: 0 });
  });

  it('never counts practice toward an assignment: “2 of 1 attempts” cannot happen', async () => {
    const id = await createTestUsers({ teacher: 'instructor', ann: 'student' });
    // Ann practises twice, one of them perfect, before the lesson is assigned.
    await stored(id.ann, null, 'right');
    await stored(id.ann, null, 'wrong');
    const { classId, assignmentId } = await classOf(id.teacher, [id.ann], {
      attemptsAllowed: 1,
      answersShown: 'after_attempt',
      scoreRule: 'highest',
    });
    signInAs(id.ann);
    expect((await getQuizTerms({ lessonId, assignmentId }))!.assignment).toMatchObject({ used: 0, attemptsAllowed: 1, left: 1 });
    expect((await getAssignedToMe())[0]).toMatchObject({ attempts: 0, score: null });
    expect(await cellOf(id.teacher, classId, id.ann)).toMatchObject({ attempts: 0, score: null });

    await stored(id.ann, assignmentId, 'wrong');
    // Practice after it is assigned does not count either, and stays open.
    await stored(id.ann, null, 'right');
    expect(await submit(id.ann, assignmentId, 'right')).toEqual({ ok: false, error: 'no_attempts_left' });
    expect(await cellOf(id.teacher, classId, id.ann)).toMatchObject({ attempts: 1, score: 0 });
    signInAs(id.ann);
    expect((await getAssignedToMe())[0]).toMatchObject({ attempts: 1, score: 0 });
    expect(await attemptCount(id.ann)).toBe(4);
  });

  it('hides answers of every attempt on the lesson, for any class or practice, while one class hides them', async () => {
    const id = await createTestUsers({ teacher: 'instructor', shadow: 'instructor', ann: 'student' });
    const real = await classOf(id.teacher, [id.ann], { attemptsAllowed: 1, answersShown: 'after_due', scoreRule: 'highest' });
    const second = await classOf(id.shadow, [id.ann], { attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' });
    const inReal = await stored(id.ann, real.assignmentId, 'right');
    const inSecond = await stored(id.ann, second.assignmentId, 'right');
    const practice = await stored(id.ann, null, 'right');

    signInAs(id.ann);
    for (const attemptId of [inReal, inSecond, practice]) {
      const attempt = await getAttemptById({ id: attemptId });
      expect(hidesEverything(attempt)).toBe(true);
      expect(attempt!.reviewHiddenUntil).toEqual(due);
    }
    expect((await getQuizTerms({ lessonId, assignmentId: null }))!.reviewHiddenUntil).toEqual(due);

    // The second class's instructor never reads the real class's attempt or its answers...
    signInAs(id.shadow);
    expect(await getAttemptById({ id: inReal })).toBeNull();
    expect(await getAttemptById({ id: practice })).toBeNull();
    for (const classId of [second.classId, undefined]) {
      const analysis = (await getItemAnalysis({ lessonId, classId, scope: 'all' }))!;
      expect(analysis.report.test.attempts).toBe(1);
    }
    expect(await getItemAnalysis({ lessonId, classId: real.classId, scope: 'all' })).toBeNull();
    // ...and the real instructor reads only the real class's attempt.
    signInAs(id.teacher);
    expect((await getAttemptById({ id: inReal }))!.questions.every((q) => q.review !== null)).toBe(true);
    expect(await getAttemptById({ id: inSecond })).toBeNull();
    expect(await getAttemptById({ id: practice })).toBeNull();
    expect((await getItemAnalysis({ lessonId, classId: real.classId, scope: 'all' }))!.report.test.attempts).toBe(1);
  });

  it('keeps answers hidden after the student is removed from the class, until the due date', async () => {
    const id = await createTestUsers({ teacher: 'instructor', ann: 'student', ben: 'student' });
    const real = await classOf(id.teacher, [id.ann, id.ben], { attemptsAllowed: 2, answersShown: 'after_due', scoreRule: 'highest' });
    const inReal = await stored(id.ann, real.assignmentId, 'wrong');
    signInAs(id.teacher);
    for (const student of [id.ann, id.ben])
      expect(await removeStudentFromClass({ classId: real.classId, studentId: student })).toEqual({ ok: true });

    // Ann made an attempt for the assignment: her attempts on the lesson stay hidden, old and new.
    const practiceAfter = await stored(id.ann, null, 'right');
    signInAs(id.ann);
    for (const attemptId of [inReal, practiceAfter]) {
      const attempt = await getAttemptById({ id: attemptId });
      expect(hidesEverything(attempt)).toBe(true);
      expect(attempt!.reviewHiddenUntil).toEqual(due);
    }
    // She can no longer submit for the class, and the teacher still reads what she handed in.
    expect(await submit(id.ann, real.assignmentId, 'right')).toEqual({ ok: false, error: 'not_assigned' });
    signInAs(id.teacher);
    expect(await getAttemptById({ id: inReal })).not.toBeNull();
    // Ben never took it for the class: once out of it, his own practice is his own.
    const bens = await stored(id.ben, null, 'right');
    signInAs(id.ben);
    expect((await getAttemptById({ id: bens }))!.questions.every((q) => q.review !== null)).toBe(true);

    // The due date passes (the teacher moves it into the past): Ann's answers are shown.
    signInAs(id.teacher);
    const past = new Date(Date.now() - 24 * 3600 * 1000);
    expect(
      await updateAssignment({ id: real.assignmentId, dueAt: past, attemptsAllowed: 2, answersShown: 'after_due', scoreRule: 'highest' }),
    ).toEqual({ ok: true, classId: real.classId });
    signInAs(id.ann);
    const after = (await getAttemptById({ id: inReal }))!;
    expect(after.reviewHiddenUntil).toBeNull();
    expect(after.questions.every((q) => q.review !== null)).toBe(true);
  });

  it('refuses a forged or foreign assignment id on start and on submit, and stores nothing', async () => {
    const id = await createTestUsers({ teacher: 'instructor', rival: 'instructor', ann: 'student', ben: 'student' });
    const settings: Settings = { attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' };
    const mine = await classOf(id.teacher, [id.ann], settings);
    // A class Ann is not in, with the same lesson; and another lesson of Ann's own class.
    const foreign = await classOf(id.rival, [id.ben], settings);
    signInAs(id.teacher);
    await assignLessons({ classId: mine.classId, target: `lesson:${otherLessonId}`, dueAt: due, ...settings });
    const otherLesson = (await getClassById({ id: mine.classId }))!.assignments.find((a) => a.lessonId === otherLessonId)!.id;

    const forged = [randomUUID(), 'not-a-uuid', "' or 1=1 --", foreign.assignmentId, otherLesson];
    for (const assignmentId of forged) {
      expect(await submit(id.ann, assignmentId, 'right'), assignmentId).toEqual({ ok: false, error: 'not_assigned' });
      signInAs(id.ann);
      expect(await getQuizTerms({ lessonId, assignmentId }), assignmentId).toBeNull();
    }
    // An empty sheet with a forged id is still refused for the id, before anything is graded.
    signInAs(id.ann);
    expect(
      await submitQuizAttempt({ lessonId, assignmentId: foreign.assignmentId, submissionKey: randomUUID(), getAll: () => [] }),
    ).toEqual({ ok: false, error: 'not_assigned' });
    expect(await attemptCount(id.ann)).toBe(0);
    expect(await cellOf(id.rival, foreign.classId, id.ben)).toMatchObject({ attempts: 0 });

    // The real assignment still works, for its own lesson only.
    await stored(id.ann, mine.assignmentId, 'right');
    expect(await attemptCount(id.ann)).toBe(1);
    signInAs(id.ann);
    expect((await getQuizTerms({ lessonId, assignmentId: mine.assignmentId }))!.assignment).toMatchObject({
      id: mine.assignmentId,
      used: 1,
    });
  });
});
