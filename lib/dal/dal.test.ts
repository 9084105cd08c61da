import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { answers, attempts, lessons, questions, users } from '@/db/schema';
import type { StoredAnswerKey as AnswerKey, StoredQuestionData as PublicQuestionData } from '@/lib/questions/kinds';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getAttemptById, submitQuizAttempt } from './attempts';
import { getCaseStudyBySlug, getQuizByLesson, listCaseStudies } from './catalog';
import { getDashboard } from './dashboard';
import { seedContent } from './internal/seed-content';
import { storeCaseStudy } from './internal/store-article';
import { createUser, verifyCredentials } from './users';

vi.mock('@/lib/auth', () => import('@/test/session'));

const CASE = 'alibaba-ai-comeback';
const LESSON = 'what-was-the-big-crackdown-all-about';

/** A new student for one test, signed in: no test sees another's attempts. */
async function signedInStudent(): Promise<string> {
  const { student } = await createTestUsers({ student: 'student' });
  signInAs(student);
  return student;
}

describe.each(testDatabaseKinds)('data access layer on %s', (kind) => {
  let handle: DatabaseHandle;
  // The seeded lesson and its keys: read-only fixtures, never changed by a test.
  let lessonId: string;
  let keys: { id: string; answerKey: AnswerKey; data: PublicQuestionData }[];

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const seeded = await seedContent(handle.db);
    expect(seeded.every((s) => s.result.ok)).toBe(true);
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, LESSON));
    lessonId = lesson!.id;
    keys = await handle.db
      .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
      .from(questions)
      .where(eq(questions.lessonId, lessonId))
      .orderBy(questions.position);
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  // A sheet from answerSheet is answered on the form of its own submission key.
  const submit = (
    getAll: ((name: string) => string[]) & { submissionKey?: string },
    submissionKey = getAll.submissionKey ?? randomUUID(),
  ) => submitQuizAttempt({ lessonId, submissionKey, getAll });

  describe('accounts', () => {
    const password = 'pässwörd-✓-'.repeat(40);
    const newAccount = async () => {
      const email = `${randomUUID()}@example.test`;
      const created = await createUser({ name: 'Alice', email, password, role: 'student' });
      if (!created.ok) throw new Error('account not created');
      return { id: created.id, email };
    };

    it('hashes passwords with argon2id at 19 MiB and 2 passes', async () => {
      const { id } = await newAccount();
      const [row] = await handle.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
      expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('signs in with a long Unicode password, exactly as typed', async () => {
      const { id, email } = await newAccount();
      expect(await verifyCredentials({ email, password })).toMatchObject({ id, role: 'student' });
      expect(await verifyCredentials({ email, password: password.slice(0, -1) })).toBeNull();
    });

    it('refuses a wrong password and an unknown email alike', async () => {
      const { email } = await newAccount();
      expect(await verifyCredentials({ email, password: 'wrong' })).toBeNull();
      expect(await verifyCredentials({ email: 'nobody@example.test', password: 'wrong' })).toBeNull();
    });

    it('refuses a second account with the same email', async () => {
      const { email } = await newAccount();
      expect(await createUser({ name: 'Again', email, password: 'another-one', role: 'instructor' })).toEqual({
        ok: false,
        error: 'email_taken',
      });
    });
  });

  describe('reading', () => {
    it('sends signed-out visitors to the sign-in page', async () => {
      signInAs(null);
      await expect(listCaseStudies()).rejects.toThrow(/NEXT_REDIRECT/);
      signInAs(randomUUID()); // a token for an account that does not exist
      await expect(getCaseStudyBySlug({ slug: CASE })).rejects.toThrow(/NEXT_REDIRECT/);
    });

    it('lists the shipped case study with its seven lessons (six sections and the takeaways review)', async () => {
      await signedInStudent();
      const [cs] = await listCaseStudies();
      expect(cs).toMatchObject({ slug: CASE, progress: { done: 0, total: 7 } });
    });

    it('serves a quiz without its answer key, explanations or sources', async () => {
      await signedInStudent();
      const quiz = await getQuizByLesson({ caseSlug: CASE, lessonSlug: LESSON });
      expect(quiz!.questions.length).toBeGreaterThan(0);
      // The intro (text shown before a question) is public; it is null for a generated question.
      for (const q of quiz!.questions) expect(Object.keys(q).sort()).toEqual(['data', 'id', 'intro', 'prompt']);
      const payload = JSON.stringify(quiz);
      expect(payload).not.toMatch(/answerKey|explanation|"answer"|"source"|The article says/);
    });

    it('returns null for lessons and case studies that do not exist', async () => {
      await signedInStudent();
      expect(await getQuizByLesson({ caseSlug: CASE, lessonSlug: 'nope' })).toBeNull();
      expect(await getCaseStudyBySlug({ slug: "x' or 1=1 --" })).toBeNull();
    });
  });

  describe('submitting a quiz', () => {
    it('grades every right answer right, with the explanation and source', async () => {
      await signedInStudent();
      const result = await submit(answerSheet(keys, 'right'));
      const attempt = result.ok ? await getAttemptById({ id: result.attemptId }) : null;
      expect(attempt).toMatchObject({ score: keys.length, maxScore: keys.length });
      expect(attempt!.questions.every((q) => q.review?.correct && q.review.explanation && q.review.source)).toBe(true);
    });

    it('scores wrong answers as wrong', async () => {
      await signedInStudent();
      const result = await submit(answerSheet(keys, 'wrong'));
      const attempt = result.ok ? await getAttemptById({ id: result.attemptId }) : null;
      expect(attempt!.score).toBe(0);
      expect(attempt!.questions[0]!.review?.rightAnswer).not.toBe('');
    });

    it('refuses an empty answer sheet and stores nothing', async () => {
      const userId = await signedInStudent();
      expect(await submit(() => [])).toEqual({ ok: false, error: 'empty' });
      const [mine] = await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, userId));
      expect(mine!.n).toBe(0);
    });

    it('refuses an unknown or malformed lesson id', async () => {
      await signedInStudent();
      const getAll = answerSheet(keys, 'right');
      expect(await submitQuizAttempt({ lessonId: randomUUID(), submissionKey: randomUUID(), getAll })).toEqual({
        ok: false,
        error: 'not_found',
      });
      expect(await submitQuizAttempt({ lessonId: 'nope', submissionKey: randomUUID(), getAll })).toEqual({ ok: false, error: 'not_found' });
    });

    it('grades 20 concurrent submits of one form exactly once', async () => {
      await signedInStudent();
      const submissionKey = randomUUID();
      const results = await Promise.all(Array.from({ length: 20 }, () => submit(answerSheet(keys, 'right'), submissionKey)));
      const ids = new Set(results.map((r) => (r.ok ? r.attemptId : r.error)));
      expect(ids.size).toBe(1);
      const [row] = await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.submissionKey, submissionKey));
      expect(row!.n).toBe(1);
      const [answerRows] = await handle.db
        .select({ n: count() })
        .from(answers)
        .where(eq(answers.attemptId, [...ids][0]!));
      expect(answerRows!.n).toBe(keys.length);
    });

    it("does not let one student read another's attempt", async () => {
      await signedInStudent();
      const result = await submit(answerSheet(keys, 'right'));
      const id = result.ok ? result.attemptId : '';
      expect(await getAttemptById({ id })).not.toBeNull();
      await signedInStudent();
      expect(await getAttemptById({ id })).toBeNull();
      expect(await getAttemptById({ id: 'not-a-uuid' })).toBeNull();
    });
  });

  describe('progress', () => {
    it('shows lessons done, the best score and recent attempts on the dashboard, per learner', async () => {
      await signedInStudent();
      await submit(answerSheet(keys, 'wrong'));
      await submit(answerSheet(keys, 'right'));
      const dash = await getDashboard();
      const cs = dash.cases.find((c) => c.slug === CASE)!;
      expect(cs.progress).toMatchObject({ done: 1, total: 7 });
      expect(cs.lessons[0]!.progress.best).toMatchObject({ score: keys.length, maxScore: keys.length, percent: 100 });
      expect(dash.recent.map((r) => r.score)).toEqual([keys.length, 0]);
      await signedInStudent();
      expect((await getDashboard()).recent).toEqual([]);
    });

    it('keeps every attempt when the seed runs again or the article changes', async () => {
      // Its own copy of the article, so changing it leaves the other tests' fixture alone.
      const slug = `copy-${randomUUID().slice(0, 8)}`;
      const text = await readFile('content/alibaba-ai-comeback.txt', 'utf8');
      const stored = await storeCaseStudy(handle.db, { text, slug, status: 'published' });
      if (!stored.ok) throw new Error('copy not stored');
      const [lesson] = await handle.db
        .select()
        .from(lessons)
        .where(and(eq(lessons.caseStudyId, stored.id), eq(lessons.slug, LESSON)));
      const copyKeys = await handle.db
        .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
        .from(questions)
        .where(eq(questions.lessonId, lesson!.id));
      const userId = await signedInStudent();
      const submitted = await submitQuizAttempt({
        lessonId: lesson!.id,
        ...asSubmission(answerSheet(copyKeys, 'right')),
      });
      expect(submitted.ok).toBe(true);

      expect((await seedContent(handle.db)).every((s) => s.result.ok && !s.result.changed)).toBe(true);
      const changed = await storeCaseStudy(handle.db, { text: text.replace('Conclusion', 'Final Thoughts'), slug, status: 'published' });
      expect(changed).toMatchObject({ ok: true, changed: true });

      const [mine] = await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, userId));
      expect(mine!.n).toBe(1);
      expect((await getCaseStudyBySlug({ slug }))!.progress).toMatchObject({ done: 1, total: 7 });
    });

    it('refuses to store an article too short to teach from', async () => {
      expect(await storeCaseStudy(handle.db, { text: 'Tiny\n\nToo short.', status: 'draft' })).toMatchObject({
        ok: false,
        error: 'unreadable',
      });
    });
  });
});
