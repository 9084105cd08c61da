import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { answers, attempts, lessons, questions, reviewCards, reviewLogs, users } from '@/db/schema';
import type { AnswerKey, PublicQuestionData } from '@/lib/quizgen/types';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { submitQuizAttempt } from './attempts';
import { assignLessons, createClass, getClassById, joinClassByCode } from './classes';
import { seedContent } from './internal/seed-content';
import { getReviewRound, getReviewSummary, getReviewedRound, setDesiredRetention, submitReview } from './review';

vi.mock('@/lib/auth', () => import('@/test/session'));

const LESSON = 'what-was-the-big-crackdown-all-about';
const MINUTE = 60_000;
const inMinutes = (n: number) => new Date(Date.now() + n * MINUTE);

describe.each(testDatabaseKinds)('spaced review on %s', (kind) => {
  let handle: DatabaseHandle;
  let lessonId = '';
  let keys: { id: string; answerKey: AnswerKey; data: PublicQuestionData }[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, LESSON));
    lessonId = lesson!.id;
    keys = await handle.db
      .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
      .from(questions)
      .where(eq(questions.lessonId, lessonId));
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  /** The review form as the learner sends it: the round's questions answered right or wrong. */
  async function review(answer: 'right' | 'wrong', now = new Date()) {
    const roundKey = randomUUID();
    const round = await getReviewRound({ roundKey, now });
    const served = keys.filter((k) => round.questions.some((q) => q.id === k.id));
    const sheet = answerSheet(served, answer, roundKey);
    return { round, result: await submitReview({ roundKey, questionIds: served.map((q) => q.id), getAll: sheet }), sheet };
  }

  it('makes every question of a submitted quiz a card: wrong answers come due within minutes and leave the list once answered right', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    expect(await getReviewSummary()).toEqual({ due: 0, nextDue: null });
    expect((await submitQuizAttempt({ lessonId, ...asSubmission(answerSheet(keys, 'wrong')) })).ok).toBe(true);
    expect(await handle.db.select({ n: count() }).from(reviewCards).where(eq(reviewCards.userId, ann))).toEqual([{ n: keys.length }]);
    // Due ten minutes after the mistake, which is within the learn-ahead window: due now.
    const soon = await getReviewSummary();
    expect(soon.due).toBe(keys.length);

    const { round, result } = await review('right');
    expect(round.questions.map((q) => q.id).sort()).toEqual(keys.map((k) => k.id).sort());
    // The form carries no key, explanation or source.
    expect(JSON.stringify(round)).not.toMatch(/answerKey|explanation|"answer"|"source"/);
    expect(result).toMatchObject({ ok: true });
    const after = await getReviewSummary();
    expect(after.due).toBe(0);
    // Answered right, they are a day or more away.
    expect(after.nextDue!.getTime()).toBeGreaterThan(inMinutes(24 * 60 - 1).getTime());

    const explained = await getReviewedRound({ roundKey: (result as { roundKey: string }).roundKey });
    expect(explained).toHaveLength(keys.length);
    expect(explained!.every((q) => q.credit === 1 && q.review?.explanation)).toBe(true);
  });

  it('counts toward no attempt, assignment or gradebook, and a resubmitted round changes nothing', async () => {
    const { teacher, ann } = await createTestUsers({ teacher: 'instructor', ann: 'student' });
    signInAs(teacher);
    const created = await createClass({ name: 'Review class' });
    if (!created.ok) throw new Error(created.error);
    await assignLessons({
      classId: created.id,
      target: `lesson:${lessonId}`,
      dueAt: new Date('2099-01-01T00:00:00Z'),
      attemptsAllowed: 1,
      answersShown: 'after_attempt',
      scoreRule: 'highest',
    });
    const cls = (await getClassById({ id: created.id }))!;
    signInAs(ann);
    expect(await joinClassByCode({ code: cls.joinCode })).toMatchObject({ ok: true });
    const assignmentId = cls.assignments[0]!.id;
    expect((await submitQuizAttempt({ lessonId, assignmentId, ...asSubmission(answerSheet(keys, 'wrong')) })).ok).toBe(true);

    const roundKey = randomUUID();
    const form = answerSheet(keys, 'right', roundKey);
    const ids = keys.map((k) => k.id);
    expect(await submitReview({ roundKey, questionIds: ids, getAll: form })).toEqual({ ok: true, roundKey });
    expect(await submitReview({ roundKey, questionIds: ids, getAll: form })).toEqual({ ok: true, roundKey });
    expect(await handle.db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, ann))).toEqual([{ n: keys.length }]);
    expect(await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, ann))).toEqual([{ n: 1 }]);
    signInAs(teacher);
    const book = (await getClassById({ id: created.id }))!;
    expect(JSON.stringify(book)).not.toContain(roundKey);
  });

  it("ignores a forged question id, another learner's card and a malformed round key", async () => {
    const { ann, ben } = await createTestUsers({ ann: 'student', ben: 'student' });
    signInAs(ann);
    expect((await submitQuizAttempt({ lessonId, ...asSubmission(answerSheet(keys, 'wrong')) })).ok).toBe(true);
    const before = await handle.db.select().from(reviewCards).where(eq(reviewCards.userId, ann));
    signInAs(ben);
    const roundKey = randomUUID();
    // Ann's questions are not Ben's cards: nothing to grade, nothing written for either.
    expect(await submitReview({ roundKey, questionIds: keys.map((k) => k.id), getAll: answerSheet(keys, 'right', roundKey) })).toEqual({
      ok: false,
      error: 'empty',
    });
    expect(await submitReview({ roundKey, questionIds: [randomUUID(), 'x'], getAll: () => ['0'] })).toEqual({ ok: false, error: 'empty' });
    expect(await submitReview({ roundKey: 'nope', questionIds: keys.map((k) => k.id), getAll: () => [] })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await handle.db.select({ n: count() }).from(reviewCards).where(eq(reviewCards.userId, ben))).toEqual([{ n: 0 }]);
    expect(await handle.db.select().from(reviewCards).where(eq(reviewCards.userId, ann))).toEqual(before);
    expect(await getReviewedRound({ roundKey })).toBeNull();
  });

  it('serves and counts nothing of a lesson whose class shows answers only after the due date', async () => {
    const { teacher, ann } = await createTestUsers({ teacher: 'instructor', ann: 'student' });
    signInAs(teacher);
    const created = await createClass({ name: 'Hidden answers' });
    if (!created.ok) throw new Error(created.error);
    await assignLessons({
      classId: created.id,
      target: `lesson:${lessonId}`,
      dueAt: new Date('2099-01-01T00:00:00Z'),
      attemptsAllowed: null,
      answersShown: 'after_due',
      scoreRule: 'highest',
    });
    const cls = (await getClassById({ id: created.id }))!;
    signInAs(ann);
    await joinClassByCode({ code: cls.joinCode });
    expect((await submitQuizAttempt({ lessonId, ...asSubmission(answerSheet(keys, 'wrong')) })).ok).toBe(true);
    expect(await getReviewSummary()).toEqual({ due: 0, nextDue: null });
    expect((await getReviewRound({ roundKey: randomUUID() })).questions).toEqual([]);
    const roundKey = randomUUID();
    expect(await submitReview({ roundKey, questionIds: keys.map((k) => k.id), getAll: answerSheet(keys, 'right', roundKey) })).toEqual({
      ok: false,
      error: 'empty',
    });
  });

  it('stores each answer with its credit and the position it was shown at, and the seed with the attempt', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const sheet = answerSheet(keys, 'right');
    const result = await submitQuizAttempt({ lessonId, ...asSubmission(sheet) });
    if (!result.ok) throw new Error(result.error);
    const [attempt] = await handle.db.select().from(attempts).where(eq(attempts.id, result.attemptId));
    expect(attempt!.seed).not.toBeNull();
    const rows = await handle.db.select().from(answers).where(eq(answers.attemptId, result.attemptId));
    expect(rows.map((r) => r.position).sort()).toEqual(keys.map((_, i) => i));
    expect(rows.every((r) => r.credit === 1 && r.correct)).toBe(true);
  });

  it('keeps the retention target between 70% and 97%', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const stored = async () =>
      (
        await handle.db
          .select({ r: users.desiredRetention })
          .from(users)
          .where(and(eq(users.id, ann)))
      )[0]!.r;
    expect(await stored()).toBe(0.9);
    expect(await setDesiredRetention({ retention: 0.85 })).toEqual({ ok: true, retention: 0.85 });
    for (const retention of [0.5, 0.99, Number.NaN, Infinity])
      expect(await setDesiredRetention({ retention })).toEqual({ ok: false, error: 'out_of_range' });
    expect(await stored()).toBe(0.85);
  });
});
