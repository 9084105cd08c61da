import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, DatabaseHandle } from '@/db';
import { caseStudies, lessons, questions } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getCaseStudyForReview, importCaseStudy } from './authoring';
import { getCaseStudyBySlug, getLessonBySlug, getQuizByLesson } from './catalog';
import { seedContent } from './internal/seed-content';
import { setQuestionEnabled } from './questions';

vi.mock('@/lib/auth', () => import('@/test/session'));

// Issue 12: a case study's text, lessons and quiz questions are read from the database once per
// version and served from memory after that; any write moves the version on, whoever makes it.
const CASE = 'alibaba-ai-comeback';

/** How many statements `run` sends through `db` (the session check included). */
async function statements(db: Database, run: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const original = db.select.bind(db);
  const spy = vi.spyOn(db, 'select').mockImplementation(((...args: Parameters<typeof original>) => {
    n++;
    return original(...args);
  }) as typeof db.select);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return n;
}

describe.each(testDatabaseKinds)('content cached by version on %s', (kind) => {
  let handle: DatabaseHandle;
  let student = '';
  let lessonSlug = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    ({ student } = await createTestUsers({ student: 'student' }));
    const [cs] = await handle.db.select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.slug, CASE));
    const [first] = await handle.db
      .select({ slug: lessons.slug })
      .from(lessons)
      .where(eq(lessons.caseStudyId, cs!.id))
      .orderBy(lessons.position);
    lessonSlug = first!.slug;
  });
  const slugOf = async (id: string) =>
    (await handle.db.select({ slug: caseStudies.slug }).from(caseStudies).where(eq(caseStudies.id, id)))[0]!.slug;
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it('reads the content once per version: later requests ask only for access, version and progress', async () => {
    signInAs(student);
    // Another version than any earlier read in this process: the first read loads it.
    await handle.db.update(caseStudies).set({ updatedAt: new Date() }).where(eq(caseStudies.slug, CASE));
    const first = await statements(handle.db, () => getLessonBySlug({ caseSlug: CASE, lessonSlug }));
    const second = await statements(handle.db, () => getLessonBySlug({ caseSlug: CASE, lessonSlug }));
    // The session's account, access with version and progress, then the content only the first time.
    expect(first).toBe(3);
    expect(second).toBe(2);
    expect(await getLessonBySlug({ caseSlug: CASE, lessonSlug })).toEqual(await getLessonBySlug({ caseSlug: CASE, lessonSlug }));
  });

  it('serves a write made elsewhere (another instance, a script) on the next read', async () => {
    signInAs(student);
    const before = (await getLessonBySlug({ caseSlug: CASE, lessonSlug }))!;
    const quiz = (await getQuizByLesson({ caseSlug: CASE, lessonSlug }))!;
    expect(quiz.questions.length).toBeGreaterThan(0);
    const marker = `Edited elsewhere ${randomUUID()}`;
    // Straight to the database, as another app instance or a script would: no call into this process.
    await handle.db
      .update(lessons)
      .set({ keyPoints: [marker, ...before.lesson.keyPoints] })
      .where(eq(lessons.id, before.lesson.id));
    await handle.db.update(questions).set({ prompt: marker }).where(eq(questions.id, quiz.questions[0]!.id));
    expect((await getLessonBySlug({ caseSlug: CASE, lessonSlug }))!.lesson.keyPoints[0]).toBe(marker);
    expect((await getQuizByLesson({ caseSlug: CASE, lessonSlug }))!.questions[0]!.prompt).toBe(marker);
    await handle.db.update(caseStudies).set({ title: marker }).where(eq(caseStudies.slug, CASE));
    expect((await getCaseStudyBySlug({ slug: CASE }))!.title).toBe(marker);
  });

  it('takes a question an instructor disables out of the quiz at once, and puts it back when enabled', async () => {
    const { teacher } = await createTestUsers({ teacher: 'instructor' });
    signInAs(teacher);
    const fixture = await readFile('test/fixtures/harbor-coffee.md', 'utf8');
    const saved = await importCaseStudy({
      text: fixture.replace('Harbor Coffee', `Harbor Coffee ${randomUUID().slice(0, 8)}`),
      source: 'h.md',
    });
    if (!saved.ok) throw new Error(saved.error);
    const review = (await getCaseStudyForReview({ id: saved.id }))!;
    const slug = await slugOf(saved.id);
    const lesson = review.lessons.find((l) => l.questions.length > 0)!;
    const quizOf = async () => (await getQuizByLesson({ caseSlug: slug, lessonSlug: lesson.slug }))!.questions.map((q) => q.id);
    const all = await quizOf();
    expect(all).toContain(lesson.questions[0]!.id);
    expect(await setQuestionEnabled({ id: lesson.questions[0]!.id, enabled: false })).toMatchObject({ ok: true });
    expect(await quizOf()).toEqual(all.filter((id) => id !== lesson.questions[0]!.id));
    expect(await setQuestionEnabled({ id: lesson.questions[0]!.id, enabled: true })).toMatchObject({ ok: true });
    expect(await quizOf()).toEqual(all);
  });

  it('still asks who may see it on every read: cached content does not reach a learner outside the draft', async () => {
    const { teacher, other } = await createTestUsers({ teacher: 'instructor', other: 'student' });
    signInAs(teacher);
    const fixture = await readFile('test/fixtures/harbor-coffee.md', 'utf8');
    const saved = await importCaseStudy({
      text: fixture.replace('Harbor Coffee', `Harbor Coffee ${randomUUID().slice(0, 8)}`),
      source: 'h.md',
    });
    if (!saved.ok) throw new Error(saved.error);
    const review = (await getCaseStudyForReview({ id: saved.id }))!;
    const slug = await slugOf(saved.id);
    expect(await getCaseStudyBySlug({ slug })).not.toBeNull();
    expect(await getLessonBySlug({ caseSlug: slug, lessonSlug: review.lessons[0]!.slug })).not.toBeNull();
    signInAs(other);
    expect(await getCaseStudyBySlug({ slug })).toBeNull();
    expect(await getLessonBySlug({ caseSlug: slug, lessonSlug: review.lessons[0]!.slug })).toBeNull();
  });

  it('never holds an answer key, explanation or source', async () => {
    signInAs(student);
    const quiz = (await getQuizByLesson({ caseSlug: CASE, lessonSlug }))!;
    const keys = await handle.db
      .select({ explanation: questions.explanation, source: questions.source })
      .from(questions)
      .where(eq(questions.id, quiz.questions[0]!.id));
    const sent = JSON.stringify(quiz);
    expect(sent).not.toMatch(/answerKey|explanation|"source"/);
    expect(sent).not.toContain(keys[0]!.explanation);
  });
});
