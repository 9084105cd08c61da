import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { caseStudies, questions } from '@/db/schema';
import { caseToGift } from '@/lib/gift/export';
import { IMPORTED_ESSAY_CRITERION, planLessonImport } from '@/lib/gift/lesson-import';
import { MAX_LESSON_QUESTIONS } from '@/lib/questions/kinds';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getCaseStudyForReview, importCaseStudy, publishCaseStudy } from './authoring';
import { getQuizByLesson } from './catalog';
import { importGiftIntoLesson } from './internal/question-import';
import { seedContent } from './internal/seed-content';
import { canExportCaseStudy, getCaseStudyForExport } from './question-export';
import { importQuestionsIntoLesson } from './question-import';
import { addQuestion, setQuestionEnabled } from './questions';

vi.mock('@/lib/auth', () => import('@/test/session'));

/** `n` true/false questions, one per paragraph, each saying which one it is. */
const statements = (n: number, tag = 'Statement') => Array.from({ length: n }, (_, i) => `${tag} ${i + 1} is true. {T}`).join('\n\n');

describe.each(testDatabaseKinds)('importing GIFT questions into a lesson on %s', (kind) => {
  let handle: DatabaseHandle;
  let article = '';
  let bank = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    article = await readFile(path.join(process.cwd(), 'test/fixtures/harbor-coffee.md'), 'utf8');
    bank = await readFile(path.join(process.cwd(), 'test/fixtures/bank.gift'), 'utf8');
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  /** A teacher's draft of the fixture article under a title of its own, and its first lesson. */
  async function draft() {
    const id = await createTestUsers({ teacher: 'instructor', rival: 'instructor', student: 'student' });
    const text = article.replace('Harbor Coffee', `Harbor Coffee ${randomUUID().slice(0, 8)}`);
    signInAs(id.teacher);
    const saved = await importCaseStudy({ text, source: 'harbor-coffee.md' });
    if (!saved.ok) throw new Error(saved.error);
    const review = (await getCaseStudyForReview({ id: saved.id }))!;
    return { id, text, caseId: saved.id, lessonId: review.lessons[0]!.id };
  }

  const rowsOf = (lessonId: string) =>
    handle.db
      .select({
        id: questions.id,
        type: questions.type,
        intro: questions.intro,
        prompt: questions.prompt,
        answerKey: questions.answerKey,
        source: questions.source,
        authored: questions.authored,
        fingerprint: questions.fingerprint,
        position: questions.position,
        retiredAt: questions.retiredAt,
      })
      .from(questions)
      .where(eq(questions.lessonId, lessonId))
      .orderBy(asc(questions.position));

  it('adds what the file holds as the instructor’s own questions, after the generated ones, and reports what it skipped', async () => {
    const d = await draft();
    const generated = await rowsOf(d.lessonId);
    const result = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: bank, fileName: 'bank.gift', commit: true });
    if (!result.ok) throw new Error(result.error);
    expect(result.questions.map((q) => [q.line, q.type])).toEqual([
      [4, 'single_choice'],
      [11, 'multiple_choice'],
      [13, 'true_false'],
      [15, 'fill_blank'],
      [19, 'numeric'],
      [21, 'numeric'],
      [23, 'matching'],
      [28, 'open_response'],
    ]);
    // A fill-in's preview lists every accepted answer, not only the first.
    expect(result.questions.find((q) => q.line === 15)?.answer).toBe('Omar Haddad; Haddad');
    // The essay (line 28) becomes a written answer the instructor grades; the preview says how.
    expect(result.questions.find((q) => q.line === 28)?.note).toContain('no model answer yet');
    // The description on line 25 is shown just before the essay: the preview and the stored row carry it.
    expect(result.questions.find((q) => q.line === 28)?.intro).toBe(
      'Read the founders’ letter of 2019 before you answer; it set out both views.',
    );
    expect(result.questions.filter((q) => q.intro)).toHaveLength(1);
    expect(result.skipped).toEqual([
      { line: 30, reason: 'a description before the question on line 32, which is skipped' },
      { line: 32, reason: expect.stringContaining('exactly one right') },
    ]);
    const rows = await rowsOf(d.lessonId);
    const added = rows.filter((r) => result.ids.includes(r.id));
    expect(added).toHaveLength(8);
    expect(added.at(-1)).toMatchObject({
      type: 'open_response',
      intro: 'Read the founders’ letter of 2019 before you answer; it set out both views.',
      answerKey: { type: 'open_response', modelAnswer: '', rubric: [IMPORTED_ESSAY_CRITERION] },
    });
    expect(added.map((r) => r.id)).toEqual(result.ids);
    expect(added.every((r) => r.authored && r.fingerprint.startsWith('authored-'))).toBe(true);
    expect(Math.min(...added.map((r) => r.position))).toBeGreaterThan(Math.max(0, ...generated.map((r) => r.position)));
    expect(added[0]).toMatchObject({
      type: 'single_choice',
      prompt: 'Where did Harbor Coffee open its first café?',
      answerKey: { type: 'single_choice', answer: 1 },
      source: 'Imported from bank.gift, line 4.',
    });
    expect(rows.filter((r) => !result.ids.includes(r.id)).map((r) => r.id)).toEqual(generated.map((r) => r.id));
    // The intro reaches the review page and the quiz learners take, just before its question.
    const review = (await getCaseStudyForReview({ id: d.caseId }))!;
    expect(review.lessons[0]!.questions.find((q) => q.id === result.ids.at(-1))?.intro).toBe(
      'Read the founders’ letter of 2019 before you answer; it set out both views.',
    );
    const quiz = await getQuizByLesson({ caseSlug: review.slug, lessonSlug: review.lessons[0]!.slug });
    const essay = quiz!.questions.find((q) => q.id === result.ids.at(-1))!;
    expect(essay).toMatchObject({
      intro: 'Read the founders’ letter of 2019 before you answer; it set out both views.',
      prompt: expect.stringContaining('open in Seattle'),
    });
    expect(quiz!.questions.filter((q) => q.intro)).toHaveLength(1);
  });

  it('previews without saving anything', async () => {
    const d = await draft();
    const before = await rowsOf(d.lessonId);
    const preview = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: bank, fileName: 'bank.gift', commit: false });
    expect(preview).toMatchObject({ ok: true, ids: [] });
    if (preview.ok) expect(preview.questions).toHaveLength(8);
    expect(await rowsOf(d.lessonId)).toEqual(before);
  });

  it('keeps imported questions through a re-import of the article that regenerates the quiz', async () => {
    const d = await draft();
    const result = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: bank, fileName: 'bank.gift', commit: true });
    if (!result.ok) throw new Error(result.error);
    const before = (await rowsOf(d.lessonId)).filter((r) => result.ids.includes(r.id));
    // Same title (the same draft, updated in place), changed text: the generator runs again.
    const changed = d.text.replace(/\n\n/, '\n\nA new opening paragraph about the company’s first roaster, bought in 2011.\n\n');
    const again = await importCaseStudy({ text: changed, source: 'harbor-coffee.md' });
    expect(again).toEqual({ ok: true, id: d.caseId });
    const after = (await rowsOf(d.lessonId)).filter((r) => result.ids.includes(r.id));
    expect(after).toEqual(before);
    expect(after.every((r) => r.retiredAt === null)).toBe(true);
  });

  it('refuses another instructor’s lesson, a student, a forged or malformed id: nothing saved, nothing read from the file', async () => {
    const d = await draft();
    const before = await rowsOf(d.lessonId);
    const attempt = (lessonId: string, text = bank) => importQuestionsIntoLesson({ lessonId, text, fileName: 'bank.gift', commit: true });
    signInAs(d.id.rival);
    expect(await attempt(d.lessonId)).toEqual({ ok: false, error: 'not_found' });
    // A broken file says nothing either: the lesson is checked first.
    expect(await attempt(d.lessonId, 'Broken {=a ~b')).toEqual({ ok: false, error: 'not_found' });
    signInAs(d.id.student);
    expect(await attempt(d.lessonId)).toEqual({ ok: false, error: 'not_found' });
    signInAs(d.id.teacher);
    expect(await attempt(randomUUID())).toEqual({ ok: false, error: 'not_found' });
    expect(await attempt(`${d.lessonId}' or '1'='1`)).toEqual({ ok: false, error: 'not_found' });
    expect(await rowsOf(d.lessonId)).toEqual(before);
  });

  it('refuses a file with a syntax error or with nothing to add, with the line and reason', async () => {
    const d = await draft();
    const before = await rowsOf(d.lessonId);
    const broken = await importQuestionsIntoLesson({
      lessonId: d.lessonId,
      text: 'Fine {T}\n\nBroken {=a ~b\n',
      fileName: 'x.gift',
      commit: true,
    });
    // One sentence with one full stop (an outside tester saw "found.." and the parser's raw grammar).
    expect(broken).toMatchObject({
      ok: false,
      error: 'not_gift',
      message: 'Line 3: a “{” is not closed: GIFT expected “}” before the end of the line.',
    });
    const nothing = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: 'Only words here.\n', fileName: 'x.gift', commit: true });
    expect(nothing).toMatchObject({ ok: false, error: 'nothing_to_add' });
    expect(await rowsOf(d.lessonId)).toEqual(before);
  });

  it('adds all or nothing within the per-lesson limit, and imports at once cannot together pass it', async () => {
    const d = await draft();
    const has = (await rowsOf(d.lessonId)).length;
    const room = MAX_LESSON_QUESTIONS - has;
    const over = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: statements(room + 1), fileName: 'big.gift', commit: true });
    expect(over).toMatchObject({ ok: false, error: 'too_many', message: expect.stringContaining(`adds ${room + 1}`) });
    expect(await rowsOf(d.lessonId)).toHaveLength(has);
    // Fill the lesson to 4 short of the limit; then each of six small files fits alone and no two
    // together do. The lesson row lock makes each import see the rows of the one before it.
    const fill = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: statements(room - 4), fileName: 'fill.gift', commit: true });
    expect(fill).toMatchObject({ ok: true });
    // Straight to the data layer's core, without the session lookup in front, and over connections
    // opened beforehand (PostgreSQL), so the six transactions do start together.
    const owner = { id: d.id.teacher };
    await Promise.all(Array.from({ length: 6 }, () => handle.db.execute(sql`select pg_sleep(0.05)`)));
    const all = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((tag) =>
        importGiftIntoLesson(handle.db, { lessonId: d.lessonId, owner, text: statements(3, tag), fileName: `${tag}.gift`, commit: true }),
      ),
    );
    expect(all.filter((r) => r.ok)).toHaveLength(1);
    expect(all.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(5).fill('too_many'));
    expect(await rowsOf(d.lessonId)).toHaveLength(MAX_LESSON_QUESTIONS - 1);
    // "Add a question" keeps the same limit.
    const own = { type: 'true_false' as const, prompt: 'One more statement.', answer: true, explanation: 'It is.', source: '' };
    expect(await addQuestion({ lessonId: d.lessonId, question: own })).toMatchObject({ ok: true });
    expect(await addQuestion({ lessonId: d.lessonId, question: own })).toEqual({ ok: false, error: 'too_many' });
    expect(await rowsOf(d.lessonId)).toHaveLength(MAX_LESSON_QUESTIONS);
  });

  it('exports the questions in use, to their owner and for the shared library, never to a student or another instructor’s draft', async () => {
    await seedContent(handle.db);
    const d = await draft();
    const result = await importQuestionsIntoLesson({ lessonId: d.lessonId, text: bank, fileName: 'bank.gift', commit: true });
    if (!result.ok) throw new Error(result.error);
    expect(await setQuestionEnabled({ id: result.ids[1]!, enabled: false })).toMatchObject({ ok: true });
    const mine = (await getCaseStudyForExport({ id: d.caseId }))!;
    const lesson = mine.lessons.find((l) => l.id === d.lessonId)!;
    const prompts = lesson.questions.map((q) => q.prompt);
    expect(prompts).toContain('Where did Harbor Coffee open its first café?');
    expect(prompts).not.toContain('Which were early advantages?');
    // What is exported reads back as the same questions.
    const back = planLessonImport(caseToGift(mine.title, mine.lessons));
    if (!back.ok) throw new Error(back.reason);
    expect(back.skipped).toEqual([]);
    expect(back.questions.map((q) => q.prompt)).toEqual(mine.lessons.flatMap((l) => l.questions.map((q) => q.prompt)));

    expect(await canExportCaseStudy({ id: d.caseId })).toBe(true);
    signInAs(d.id.rival);
    expect(await getCaseStudyForExport({ id: d.caseId })).toBeNull();
    expect(await canExportCaseStudy({ id: d.caseId })).toBe(false);
    const [library] = await handle.db
      .select({ id: caseStudies.id, title: caseStudies.title })
      .from(caseStudies)
      .where(isNull(caseStudies.ownerId))
      .limit(1);
    expect((await getCaseStudyForExport({ id: library!.id }))?.title).toBe(library!.title);
    expect(await canExportCaseStudy({ id: library!.id })).toBe(true);
    signInAs(d.id.teacher);
    expect(await publishCaseStudy({ id: d.caseId })).toEqual({ ok: true });
    signInAs(d.id.rival);
    // Published but not in the shared library: still the owner's alone.
    expect(await getCaseStudyForExport({ id: d.caseId })).toBeNull();
    signInAs(d.id.student);
    expect(await getCaseStudyForExport({ id: library!.id })).toBeNull();
    expect(await canExportCaseStudy({ id: library!.id })).toBe(false);
    expect(await getCaseStudyForExport({ id: d.caseId })).toBeNull();
  });
});
