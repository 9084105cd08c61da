import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { answers, attempts, reviewCards, reviewLogs, users } from '@/db/schema';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createClassroom, submitAs, useSeededLesson } from '@/test/support/classroom';
import { createTestUsers } from '@/test/users';
import { setExtension } from './assignments';
import { submitQuizAttempt } from './attempts';
import { getClassById } from './classes';
import { getReviewRound, getReviewSummary, getReviewedRound, setDesiredRetention, submitReview } from './review';

vi.mock('@/lib/auth', () => import('@/test/session'));

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const inMinutes = (n: number) => new Date(Date.now() + n * MINUTE);

describe.each(testDatabaseKinds)('spaced review on %s', (kind) => {
  const seeded = useSeededLesson(kind);

  /** The review form as the learner sends it: the round's questions answered right or wrong. */
  async function review(answer: 'right' | 'wrong', now = new Date()) {
    const roundKey = randomUUID();
    const round = await getReviewRound({ roundKey, now });
    const served = seeded.keys.filter((k) => round.questions.some((q) => q.id === k.id));
    const sheet = answerSheet(served, answer, roundKey);
    return { round, result: await submitReview({ roundKey, questionIds: served.map((q) => q.id), getAll: sheet }), sheet };
  }

  it('makes every question of a submitted quiz a card: wrong answers come due within minutes and leave the list once answered right', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    expect(await getReviewSummary()).toEqual({ due: 0, nextDue: null });
    expect((await submitQuizAttempt({ lessonId: seeded.lessonId, ...asSubmission(answerSheet(seeded.keys, 'wrong')) })).ok).toBe(true);
    expect(await seeded.handle.db.select({ n: count() }).from(reviewCards).where(eq(reviewCards.userId, ann))).toEqual([
      { n: seeded.keys.length },
    ]);
    // Due ten minutes after the mistake, which is within the learn-ahead window: due now.
    const soon = await getReviewSummary();
    expect(soon.due).toBe(seeded.keys.length);

    const { round, result } = await review('right');
    expect(round.questions.map((q) => q.id).sort()).toEqual(seeded.keys.map((k) => k.id).sort());
    // The form carries no key, explanation or source.
    expect(JSON.stringify(round)).not.toMatch(/answerKey|explanation|"answer"|"source"/);
    expect(result).toMatchObject({ ok: true });
    const after = await getReviewSummary();
    expect(after.due).toBe(0);
    // Answered right, they are a day or more away.
    expect(after.nextDue!.getTime()).toBeGreaterThan(inMinutes(24 * 60 - 1).getTime());

    const explained = await getReviewedRound({ roundKey: (result as { roundKey: string }).roundKey });
    expect(explained).toHaveLength(seeded.keys.length);
    expect(explained!.every((q) => q.credit === 1 && q.review?.explanation)).toBe(true);
  });

  it('counts toward no attempt, assignment or gradebook, and a resubmitted round changes nothing', async () => {
    const {
      id: { teacher, ann },
      classId,
      assignmentId,
    } = await createClassroom(
      seeded,
      { dueAt: new Date('2099-01-01T00:00:00Z'), attemptsAllowed: 1, answersShown: 'after_attempt', scoreRule: 'highest' },
      { name: 'Review class' },
    );
    expect((await submitAs(seeded, ann, { assignmentId, answer: 'wrong' })).ok).toBe(true);

    const roundKey = randomUUID();
    const form = answerSheet(seeded.keys, 'right', roundKey);
    const ids = seeded.keys.map((k) => k.id);
    expect(await submitReview({ roundKey, questionIds: ids, getAll: form })).toEqual({ ok: true, roundKey });
    expect(await submitReview({ roundKey, questionIds: ids, getAll: form })).toEqual({ ok: true, roundKey });
    expect(await seeded.handle.db.select({ n: count() }).from(reviewLogs).where(eq(reviewLogs.userId, ann))).toEqual([
      { n: seeded.keys.length },
    ]);
    expect(await seeded.handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, ann))).toEqual([{ n: 1 }]);
    signInAs(teacher);
    const book = (await getClassById({ id: classId }))!;
    expect(JSON.stringify(book)).not.toContain(roundKey);
  });

  it("ignores a forged question id, another learner's card and a malformed round key", async () => {
    const { ann, ben } = await createTestUsers({ ann: 'student', ben: 'student' });
    signInAs(ann);
    expect((await submitQuizAttempt({ lessonId: seeded.lessonId, ...asSubmission(answerSheet(seeded.keys, 'wrong')) })).ok).toBe(true);
    const before = await seeded.handle.db.select().from(reviewCards).where(eq(reviewCards.userId, ann));
    signInAs(ben);
    const roundKey = randomUUID();
    // Ann's questions are not Ben's cards: nothing to grade, nothing written for either.
    expect(
      await submitReview({ roundKey, questionIds: seeded.keys.map((k) => k.id), getAll: answerSheet(seeded.keys, 'right', roundKey) }),
    ).toEqual({
      ok: false,
      error: 'empty',
    });
    expect(await submitReview({ roundKey, questionIds: [randomUUID(), 'x'], getAll: () => ['0'] })).toEqual({ ok: false, error: 'empty' });
    expect(await submitReview({ roundKey: 'nope', questionIds: seeded.keys.map((k) => k.id), getAll: () => [] })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await seeded.handle.db.select({ n: count() }).from(reviewCards).where(eq(reviewCards.userId, ben))).toEqual([{ n: 0 }]);
    expect(await seeded.handle.db.select().from(reviewCards).where(eq(reviewCards.userId, ann))).toEqual(before);
    expect(await getReviewedRound({ roundKey })).toBeNull();
  });

  it('serves and counts nothing of a lesson whose class shows answers only after the due date', async () => {
    const {
      id: { ann },
    } = await createClassroom(seeded, {
      dueAt: new Date('2099-01-01T00:00:00Z'),
      attemptsAllowed: null,
      answersShown: 'after_due',
      scoreRule: 'highest',
    });
    expect((await submitAs(seeded, ann, { answer: 'wrong' })).ok).toBe(true);
    expect(await getReviewSummary()).toEqual({ due: 0, nextDue: null });
    expect((await getReviewRound({ roundKey: randomUUID() })).questions).toEqual([]);
    const roundKey = randomUUID();
    expect(
      await submitReview({ roundKey, questionIds: seeded.keys.map((k) => k.id), getAll: answerSheet(seeded.keys, 'right', roundKey) }),
    ).toEqual({
      ok: false,
      error: 'empty',
    });
  });

  it("follows the learner's own extension: past the class's due date her cards stay held back until hers, while a classmate's come due", async () => {
    const { id, assignmentId } = await createClassroom(seeded, {
      dueAt: new Date(Date.now() - DAY),
      attemptsAllowed: null,
      answersShown: 'after_due',
      scoreRule: 'highest',
    });
    signInAs(id.teacher);
    expect(await setExtension({ assignmentId, studentId: id.ann, dueAt: new Date(Date.now() + 7 * DAY), extraAttempts: 0 })).toMatchObject({
      ok: true,
    });
    for (const who of [id.ann, id.ben]) expect((await submitAs(seeded, who, { assignmentId, answer: 'wrong' })).ok).toBe(true);
    signInAs(id.ben);
    expect((await getReviewSummary()).due).toBe(seeded.keys.length);
    signInAs(id.ann);
    expect(await getReviewSummary()).toEqual({ due: 0, nextDue: null });
    expect((await getReviewRound({ roundKey: randomUUID() })).questions).toEqual([]);
  });

  it('stores each answer with its credit and the position it was shown at, and the seed with the attempt', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const sheet = answerSheet(seeded.keys, 'right');
    const result = await submitQuizAttempt({ lessonId: seeded.lessonId, ...asSubmission(sheet) });
    if (!result.ok) throw new Error(result.error);
    const [attempt] = await seeded.handle.db.select().from(attempts).where(eq(attempts.id, result.attemptId));
    expect(attempt!.seed).not.toBeNull();
    const rows = await seeded.handle.db.select().from(answers).where(eq(answers.attemptId, result.attemptId));
    expect(rows.map((r) => r.position).sort()).toEqual(seeded.keys.map((_, i) => i));
    expect(rows.every((r) => r.credit === 1 && r.correct)).toBe(true);
  });

  it('keeps the retention target between 70% and 97%', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const stored = async () =>
      (
        await seeded.handle.db
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
