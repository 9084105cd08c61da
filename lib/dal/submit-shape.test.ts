import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, DatabaseHandle } from '@/db';
import { answers, attempts, lessons, questions, reviewCards } from '@/db/schema';
import type { StoredAnswerKey as AnswerKey, StoredQuestionData as PublicQuestionData } from '@/lib/questions/kinds';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { submitQuizAttempt } from './attempts';
import { assignLessons, createClass, getClassById, joinClassByCode } from './classes';
import { seedContent } from './internal/seed-content';

vi.mock('@/lib/auth', () => import('@/test/session'));

// Issue 12: a class submitting at once waits on the learner's row lock and on the pool, so the
// submit is one read, then one short transaction of few statements: the lock (with the key check
// and the learner's cards), and one statement writing the attempt, its answers and its cards.
const LESSON = 'what-was-the-big-crackdown-all-about';
const STATEMENTS = ['select', 'insert', 'update', 'delete', 'execute'] as const;

/** Counts the statements a submit starts, outside and inside its transactions. */
function countStatements(db: Database) {
  const seen = { outside: 0, transactions: 0, inside: [] as string[] };
  const spies: { mockRestore(): void }[] = STATEMENTS.map((method) => {
    const original = db[method].bind(db) as (...args: unknown[]) => unknown;
    return vi.spyOn(db, method).mockImplementation(((...args: unknown[]) => {
      seen.outside++;
      return original(...args);
    }) as never);
  });
  const transaction = db.transaction.bind(db);
  spies.push(
    vi.spyOn(db, 'transaction').mockImplementation(((run: (tx: unknown) => Promise<unknown>, config?: never) => {
      seen.transactions++;
      return transaction(
        (tx) =>
          run(
            new Proxy(tx, {
              get(target, key, receiver) {
                const value = Reflect.get(target, key, receiver);
                if (typeof value !== 'function' || !(STATEMENTS as readonly PropertyKey[]).includes(key)) return value;
                return (...args: unknown[]) => {
                  seen.inside.push(String(key));
                  return value.apply(target, args);
                };
              },
            }),
          ),
        config,
      );
    }) as never),
  );
  return { seen, restore: () => spies.forEach((s) => s.mockRestore()) };
}

describe.each(testDatabaseKinds)('the shape of a quiz submit on %s', (kind) => {
  let handle: DatabaseHandle;
  let lessonId = '';
  let keys: { id: string; answerKey: AnswerKey; data: PublicQuestionData }[] = [];
  let restore = () => {};

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, LESSON));
    lessonId = lesson!.id;
    keys = await handle.db
      .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
      .from(questions)
      .where(eq(questions.lessonId, lessonId))
      .orderBy(questions.position);
    expect(keys.length).toBeGreaterThan(1);
  });
  afterEach(() => restore());
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  const cardsOf = (userId: string) =>
    handle.db.select().from(reviewCards).where(eq(reviewCards.userId, userId)).orderBy(reviewCards.questionId);
  const answerRows = async (attemptId: string) =>
    (await handle.db.select({ n: count() }).from(answers).where(eq(answers.attemptId, attemptId)))[0]!.n;

  it('reads once before one transaction of two statements for practice: the lock with the key check and the cards, then the attempt with every answer and card in one', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const counter = countStatements(handle.db);
    restore = counter.restore;
    const result = await submitQuizAttempt({ lessonId, ...asSubmission(answerSheet(keys, 'right')) });
    restore();
    expect(result.ok).toBe(true);
    // The session's user row and the lesson with its keys.
    expect(counter.seen.outside).toBe(2);
    expect(counter.seen.transactions).toBe(1);
    expect(counter.seen.inside).toEqual(['select', 'execute']);
    expect(await answerRows((result as { attemptId: string }).attemptId)).toBe(keys.length);
    expect(await cardsOf(ann)).toHaveLength(keys.length);
  });

  it('moves the cards an earlier attempt made: the second attempt reads them under the lock and schedules on from them', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    expect((await submitQuizAttempt({ lessonId, ...asSubmission(answerSheet(keys, 'wrong')) })).ok).toBe(true);
    const first = await cardsOf(ann);
    expect(first.map((c) => c.reps)).toEqual(keys.map(() => 1));
    expect((await submitQuizAttempt({ lessonId, ...asSubmission(answerSheet(keys, 'right')) })).ok).toBe(true);
    const second = await cardsOf(ann);
    expect(second.map((c) => c.questionId)).toEqual(first.map((c) => c.questionId));
    expect(second.map((c) => c.reps)).toEqual(keys.map(() => 2));
    // Each card's last review is the second attempt's, not the first's, and it is due later.
    second.forEach((card, i) => {
      expect(card.lastReview!.getTime()).toBeGreaterThan(first[i]!.lastReview!.getTime());
      expect(card.due.getTime()).toBeGreaterThan(first[i]!.due.getTime());
    });
  });

  it('reads an assignment and its attempts used in one statement under the lock', async () => {
    const { teacher, ann } = await createTestUsers({ teacher: 'instructor', ann: 'student' });
    signInAs(teacher);
    const created = await createClass({ name: 'Shape class' });
    if (!created.ok) throw new Error(created.error);
    await assignLessons({
      classId: created.id,
      target: `lesson:${lessonId}`,
      dueAt: new Date('2099-01-01T00:00:00Z'),
      attemptsAllowed: 2,
      answersShown: 'after_attempt',
      scoreRule: 'highest',
    });
    const cls = (await getClassById({ id: created.id }))!;
    signInAs(ann);
    expect(await joinClassByCode({ code: cls.joinCode })).toMatchObject({ ok: true });
    const assignmentId = cls.assignments[0]!.id;

    const counter = countStatements(handle.db);
    restore = counter.restore;
    const first = await submitQuizAttempt({ lessonId, assignmentId, ...asSubmission(answerSheet(keys, 'wrong')) });
    restore();
    expect(first.ok).toBe(true);
    expect(counter.seen.outside).toBe(2);
    expect(counter.seen.inside).toEqual(['select', 'select', 'execute']);

    // The limit still holds: the second attempt is stored, the third is refused and writes nothing.
    expect((await submitQuizAttempt({ lessonId, assignmentId, ...asSubmission(answerSheet(keys, 'right')) })).ok).toBe(true);
    expect(await submitQuizAttempt({ lessonId, assignmentId, ...asSubmission(answerSheet(keys, 'right')) })).toEqual({
      ok: false,
      error: 'no_attempts_left',
    });
    expect((await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, ann)))[0]!.n).toBe(2);
  });

  it('answers a resubmitted form from its first attempt without writing, whatever the form now holds', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const submissionKey = randomUUID();
    const first = await submitQuizAttempt({ lessonId, submissionKey, getAll: answerSheet(keys, 'right', submissionKey) });
    expect(first.ok).toBe(true);
    const counter = countStatements(handle.db);
    restore = counter.restore;
    // Empty now (a stale tab cleared): the first attempt still stands, as before the restructure.
    const again = await submitQuizAttempt({ lessonId, submissionKey, getAll: () => [] });
    restore();
    expect(again).toEqual(first);
    expect(counter.seen.inside).not.toContain('insert');
    expect((await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, ann)))[0]!.n).toBe(1);
    expect(await answerRows((first as { attemptId: string }).attemptId)).toBe(keys.length);
  });

  it('stores exactly one attempt with all its answers when one form is submitted ten times at once', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const submissionKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submitQuizAttempt({ lessonId, submissionKey, getAll: answerSheet(keys, 'right', submissionKey) })),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.attemptId : r.error)));
    expect(ids.size).toBe(1);
    const stored = await handle.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.userId, ann));
    expect(stored.map((r) => r.id)).toEqual([...ids]);
    expect(await answerRows(stored[0]!.id)).toBe(keys.length);
  });
});
