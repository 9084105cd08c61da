import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { answers, attempts, lessons, questions, users } from '@/db/schema';
import { seedContent } from '@/db/seed';
import { storeCaseStudy } from '@/db/store-case-study';
import { fieldName } from '@/lib/grading/answer-sheet';
import type { AnswerKey } from '@/lib/quizgen/types';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { getAttemptById, submitQuizAttempt } from './attempts';
import { getCaseStudyBySlug, getQuizByLesson, listCaseStudies } from './catalog';
import { getDashboard } from './dashboard';
import { createUser, verifyCredentials } from './users';

vi.mock('@/lib/auth', () => import('@/test/session'));

const CASE = 'alibaba-ai-comeback';
const LESSON = 'what-was-the-big-crackdown-all-about';

/** Builds the form a learner would submit, answering every question right (or wrong). */
function sheetFor(keys: { id: string; answerKey: AnswerKey }[], right: boolean) {
  const fields: [string, string][] = [];
  for (const { id, answerKey: k } of keys) {
    if (k.type === 'single_choice') fields.push([fieldName(id), String(right ? k.answer : (k.answer + 1) % 3)]);
    if (k.type === 'multiple_choice') for (const a of right ? k.answer : [4]) fields.push([fieldName(id), String(a)]);
    if (k.type === 'true_false') fields.push([fieldName(id), String(right ? k.answer : !k.answer)]);
    if (k.type === 'fill_blank') fields.push([fieldName(id), right ? k.answer[0]!.toUpperCase() : 'nothing']);
    if (k.type === 'numeric') fields.push([fieldName(id), String(right ? k.value : k.value + 1000)]);
  }
  return (name: string) => fields.filter(([f]) => f === name).map(([, v]) => v);
}

describe.each(testDatabaseKinds)('data access layer on %s', (kind) => {
  let handle: DatabaseHandle;
  let alice: string;
  let bob: string;
  let lessonId: string;
  let keys: { id: string; answerKey: AnswerKey }[];

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    const seeded = await seedContent(handle.db);
    expect(seeded.every((s) => s.result.ok)).toBe(true);
    const a = await createUser({ name: 'Alice', email: 'alice@example.test', password: 'pässwörd-✓-'.repeat(40), role: 'student' });
    const b = await createUser({ name: 'Bob', email: 'bob@example.test', password: 'bob-password', role: 'student' });
    if (!a.ok || !b.ok) throw new Error('users not created');
    alice = a.id;
    bob = b.id;
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, LESSON));
    lessonId = lesson!.id;
    keys = await handle.db.select({ id: questions.id, answerKey: questions.answerKey }).from(questions).where(eq(questions.lessonId, lessonId)).orderBy(questions.position);
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  describe('accounts', () => {
    it('hashes passwords with argon2id at 19 MiB and 2 passes', async () => {
      const [row] = await handle.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, alice));
      expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it('signs in with a long Unicode password, exactly as typed', async () => {
      const password = 'pässwörd-✓-'.repeat(40);
      expect(await verifyCredentials({ email: 'alice@example.test', password })).toMatchObject({ id: alice, role: 'student' });
      expect(await verifyCredentials({ email: 'alice@example.test', password: password.slice(0, -1) })).toBeNull();
    });

    it('refuses a wrong password and an unknown email alike', async () => {
      expect(await verifyCredentials({ email: 'alice@example.test', password: 'wrong' })).toBeNull();
      expect(await verifyCredentials({ email: 'nobody@example.test', password: 'wrong' })).toBeNull();
    });

    it('refuses a second account with the same email', async () => {
      expect(await createUser({ name: 'Again', email: 'alice@example.test', password: 'another-one', role: 'instructor' })).toEqual({ ok: false, error: 'email_taken' });
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
      signInAs(alice);
      const [cs] = await listCaseStudies();
      expect(cs).toMatchObject({ slug: CASE, progress: { done: 0, total: 7 } });
    });

    it('serves a quiz without its answer key, explanations or sources', async () => {
      signInAs(alice);
      const quiz = await getQuizByLesson({ caseSlug: CASE, lessonSlug: LESSON });
      expect(quiz!.questions.length).toBeGreaterThanOrEqual(5);
      for (const q of quiz!.questions) expect(Object.keys(q).sort()).toEqual(['data', 'id', 'prompt']);
      const payload = JSON.stringify(quiz);
      expect(payload).not.toMatch(/answerKey|explanation|"answer"|"source"|The article says/);
    });

    it('returns null for lessons and case studies that do not exist', async () => {
      signInAs(alice);
      expect(await getQuizByLesson({ caseSlug: CASE, lessonSlug: 'nope' })).toBeNull();
      expect(await getCaseStudyBySlug({ slug: "x' or 1=1 --" })).toBeNull();
    });
  });

  describe('submitting a quiz', () => {
    it('grades on the server and ignores a forged score', async () => {
      signInAs(alice);
      const right = sheetFor(keys, true);
      const forged = (name: string) => (name === 'score' ? ['0'] : right(name));
      const result = await submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: forged });
      expect(result.ok).toBe(true);
      const attempt = await getAttemptById({ id: (result as { attemptId: string }).attemptId });
      expect(attempt).toMatchObject({ score: keys.length, maxScore: keys.length });
      expect(attempt!.questions.every((q) => q.review?.correct && q.review.explanation && q.review.source)).toBe(true);
    });

    it('scores wrong answers as wrong', async () => {
      signInAs(alice);
      const result = await submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: sheetFor(keys, false) });
      const attempt = await getAttemptById({ id: (result as { attemptId: string }).attemptId });
      expect(attempt!.score).toBe(0);
      expect(attempt!.questions[0]!.review?.rightAnswer).not.toBe('');
    });

    it('refuses an empty answer sheet and stores nothing', async () => {
      signInAs(bob);
      const before = await handle.db.select({ n: count() }).from(attempts);
      expect(await submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: () => [] })).toEqual({ ok: false, error: 'empty' });
      expect(await handle.db.select({ n: count() }).from(attempts)).toEqual(before);
    });

    it('refuses an unknown or malformed lesson id', async () => {
      signInAs(bob);
      expect(await submitQuizAttempt({ lessonId: randomUUID(), submissionKey: randomUUID(), getAll: sheetFor(keys, true) })).toEqual({ ok: false, error: 'not_found' });
      expect(await submitQuizAttempt({ lessonId: 'nope', submissionKey: randomUUID(), getAll: sheetFor(keys, true) })).toEqual({ ok: false, error: 'not_found' });
    });

    it('grades 20 concurrent submits of one form exactly once', async () => {
      signInAs(bob);
      const submissionKey = randomUUID();
      const results = await Promise.all(Array.from({ length: 20 }, () => submitQuizAttempt({ lessonId, submissionKey, getAll: sheetFor(keys, true) })));
      const ids = new Set(results.map((r) => (r.ok ? r.attemptId : r.error)));
      expect(ids.size).toBe(1);
      const [row] = await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.submissionKey, submissionKey));
      expect(row!.n).toBe(1);
      const [answerRows] = await handle.db.select({ n: count() }).from(answers).where(eq(answers.attemptId, [...ids][0]!));
      expect(answerRows!.n).toBe(keys.length);
    });

    it("does not let one student read another's attempt", async () => {
      signInAs(alice);
      const result = await submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: sheetFor(keys, true) });
      const id = (result as { attemptId: string }).attemptId;
      expect(await getAttemptById({ id })).not.toBeNull();
      signInAs(bob);
      expect(await getAttemptById({ id })).toBeNull();
      expect(await getAttemptById({ id: 'not-a-uuid' })).toBeNull();
    });
  });

  describe('progress', () => {
    it('shows lessons done and the best score on the dashboard, per learner', async () => {
      signInAs(alice);
      const dash = await getDashboard();
      const cs = dash.cases.find((c) => c.slug === CASE)!;
      expect(cs.progress).toMatchObject({ done: 1, total: 7 });
      expect(cs.lessons[0]!.progress.best).toMatchObject({ score: keys.length, maxScore: keys.length, percent: 100 });
      expect(dash.recent.length).toBeGreaterThanOrEqual(3);
    });

    it('keeps every attempt when the seed runs again or the article changes', async () => {
      const before = await handle.db.select({ n: count() }).from(attempts);
      const again = await seedContent(handle.db);
      expect(again.every((s) => s.result.ok && !s.result.changed)).toBe(true);
      const { readFile } = await import('node:fs/promises');
      const text = await readFile('content/alibaba-ai-comeback.txt', 'utf8');
      const changed = await storeCaseStudy(handle.db, { text: text.replace('Conclusion', 'Final Thoughts'), slug: CASE, status: 'published' });
      expect(changed).toMatchObject({ ok: true, changed: true });
      expect(await handle.db.select({ n: count() }).from(attempts)).toEqual(before);
      const lessonRows = await handle.db.select({ n: count() }).from(lessons);
      expect(lessonRows[0]!.n).toBe(7);
      signInAs(alice);
      expect((await getDashboard()).cases[0]!.progress.done).toBe(1);
    });

    it('refuses to store an article too short to teach from', async () => {
      expect(await storeCaseStudy(handle.db, { text: 'Tiny\n\nToo short.', status: 'draft' })).toMatchObject({ ok: false });
    });
  });
});
