import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { attempts, caseStudies, lessons, questions } from '@/db/schema';
import { seedContent } from '@/db/seed';
import { fieldName } from '@/lib/grading/answer-sheet';
import type { AnswerKey, Question } from '@/lib/quizgen/types';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getItemAnalysis } from './analysis';
import { getAttemptById, submitQuizAttempt } from './attempts';
import { getCaseStudyForReview, importCaseStudy, listMyCaseStudies, previewArticle, publishCaseStudy } from './authoring';
import { getCaseStudyBySlug, getQuizByLesson, listCaseStudies } from './catalog';
import { assign, createClass, joinClass } from './classes';
import { addQuestion, getLessonForAuthoring, getQuestionForEdit, setQuestionEnabled, updateQuestion } from './questions';

vi.mock('@/lib/auth', () => import('@/test/session'));

const FIXTURE = path.join(process.cwd(), 'test/fixtures/harbor-coffee.md');
const future = new Date('2099-12-31T23:59:59Z');

/** A sheet answering the given questions: single choice with the given option, everything else wrong. */
const sheetPicking = (qs: { id: string; answerKey: AnswerKey }[], option: number) => (name: string) =>
  qs.flatMap((q) => (name === fieldName(q.id) ? [q.answerKey.type === 'single_choice' ? String(option) : q.answerKey.type === 'true_false' ? 'true' : 'zzz'] : []));

describe.each(testDatabaseKinds)('importing, reviewing and analysing case studies on %s', (kind) => {
  let handle: DatabaseHandle;
  const id = { teacher: '', rival: '', ann: '', ben: '', outsider: '' };
  let text = '';
  let caseId = '';
  let slug = '';
  let lessonId = '';
  let edited = '';
  let classId = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    Object.assign(id, await createTestUsers({ teacher: 'instructor', rival: 'instructor', ann: 'student', ben: 'student', outsider: 'student' }));
    text = await readFile(FIXTURE, 'utf8');
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it('previews without storing anything, and refuses students and empty articles', async () => {
    signInAs(id.ann);
    expect(await previewArticle({ text })).toMatchObject({ ok: false });
    expect(await importCaseStudy({ text, source: null })).toMatchObject({ ok: false });
    signInAs(id.teacher);
    const before = await handle.db.select({ n: count() }).from(caseStudies);
    const preview = await previewArticle({ text });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.preview.title).toMatch(/^Harbor Coffee/);
    expect(preview.preview.lessons.flatMap((l) => l.questions).length).toBeGreaterThan(5);
    expect(await previewArticle({ text: 'Too short.' })).toMatchObject({ ok: false, error: expect.stringMatching(/too short/) });
    expect(await handle.db.select({ n: count() }).from(caseStudies)).toEqual(before);
  });

  it('saves a draft that only its instructor can see', async () => {
    signInAs(id.teacher);
    const saved = await importCaseStudy({ text, source: 'harbor-coffee.md' });
    if (!saved.ok) throw new Error(saved.error);
    caseId = saved.id;
    const review = (await getCaseStudyForReview({ id: caseId }))!;
    expect(review.status).toBe('draft');
    slug = review.slug;
    lessonId = review.lessons[0]!.id;
    expect((await listMyCaseStudies())!.map((c) => c.id)).toEqual([caseId]);
    for (const who of [id.rival, id.ann]) {
      signInAs(who);
      expect((await listCaseStudies()).map((c) => c.slug)).not.toContain(slug);
      expect(await getCaseStudyBySlug({ slug })).toBeNull();
    }
  });

  it('keeps another instructor and students out of every review read and action', async () => {
    signInAs(id.teacher);
    const review = (await getCaseStudyForReview({ id: caseId }))!;
    const questionId = review.lessons[0]!.questions[0]!.id;
    const q: Question = { type: 'true_false', prompt: 'Forged.', answer: true, explanation: 'x', source: 'y' };
    for (const who of [id.rival, id.ann]) {
      signInAs(who);
      expect(await getCaseStudyForReview({ id: caseId })).toBeNull();
      expect(await listMyCaseStudies()).toEqual(who === id.rival ? [] : null);
      expect(await publishCaseStudy({ id: caseId })).toBe('not_found');
      expect(await getQuestionForEdit({ id: questionId })).toBeNull();
      expect(await updateQuestion({ id: questionId, question: q })).toBeNull();
      expect(await setQuestionEnabled({ id: questionId, enabled: false })).toBeNull();
      expect(await getLessonForAuthoring({ id: lessonId })).toBeNull();
      expect(await addQuestion({ lessonId, question: q })).toBeNull();
    }
    for (const bad of ['not-a-uuid', randomUUID()]) {
      signInAs(id.teacher);
      expect(await getCaseStudyForReview({ id: bad })).toBeNull();
      expect(await getQuestionForEdit({ id: bad })).toBeNull();
    }
    const [row] = await handle.db.select().from(questions).where(eq(questions.id, questionId));
    expect(row).toMatchObject({ enabled: true, editedAt: null });
  });

  it('never takes over the shipped case study or another instructor’s import of the same article', async () => {
    signInAs(id.rival);
    const theirs = await importCaseStudy({ text, source: null });
    if (!theirs.ok) throw new Error(theirs.error);
    expect(theirs.id).not.toBe(caseId);
    const [mine] = await handle.db.select().from(caseStudies).where(eq(caseStudies.id, caseId));
    expect(mine!.ownerId).toBe(id.teacher);
    const [shipped] = await handle.db.select().from(caseStudies).where(eq(caseStudies.slug, 'alibaba-ai-comeback'));
    expect(shipped).toMatchObject({ ownerId: null, status: 'published' });
  });

  it('keeps edits, added questions and disabled questions through a re-import of a changed article', async () => {
    signInAs(id.teacher);
    const review = (await getCaseStudyForReview({ id: caseId }))!;
    const choice = review.lessons.flatMap((l) => l.questions).find((q) => q.type === 'single_choice')!;
    edited = choice.id;
    const form = (await getQuestionForEdit({ id: edited }))!.form;
    const newPrompt = `${form.prompt} (edited)`;
    expect(await updateQuestion({ id: edited, question: { type: 'single_choice', prompt: newPrompt, options: form.options, answer: 0, explanation: form.explanation, source: form.source } })).toBe(edited);
    // A question cannot change its kind (attempts on it were graded as that kind).
    expect(await updateQuestion({ id: edited, question: { type: 'true_false', prompt: 'x', answer: true, explanation: 'x', source: '' } })).toBeNull();
    const disabled = review.lessons[0]!.questions.find((q) => q.id !== edited)!.id;
    expect(await setQuestionEnabled({ id: disabled, enabled: false })).toEqual({ caseStudyId: caseId });
    const added = await addQuestion({ lessonId, question: { type: 'true_false', prompt: 'Harbor Coffee opened in Portland.', answer: true, explanation: 'First line.', source: '' } });
    expect(added).toMatchObject({ caseStudyId: caseId });

    const again = await importCaseStudy({ text: `${text}\n\nA closing remark that changes the article without touching its sections.\n`, source: null });
    expect(again).toEqual({ ok: true, id: caseId });
    const after = await handle.db.select().from(questions).where(eq(questions.id, edited));
    expect(after[0]).toMatchObject({ prompt: newPrompt, retiredAt: null });
    expect((await handle.db.select().from(questions).where(eq(questions.id, disabled)))[0]).toMatchObject({ enabled: false, retiredAt: null });
    expect((await handle.db.select().from(questions).where(eq(questions.id, added!.id)))[0]).toMatchObject({ authored: true, retiredAt: null, source: 'Written by the instructor.' });
  });

  it('publishes for everyone, and a re-import does not unpublish it', async () => {
    signInAs(id.teacher);
    expect(await publishCaseStudy({ id: caseId })).toBe('published');
    await importCaseStudy({ text: `${text}\n\nYet another closing remark.\n`, source: null });
    signInAs(id.outsider);
    expect(await getCaseStudyBySlug({ slug })).not.toBeNull();
    // Before any class has it, its author sees an empty analysis, with nothing computed from nothing.
    signInAs(id.teacher);
    const empty = (await getItemAnalysis({ lessonId, scope: 'first' }))!;
    expect(empty.report.test).toMatchObject({ attempts: 0, mean: null, alpha: null });
    expect(empty.questions.every((q) => q.stats.facility === null && q.flags.length === 0)).toBe(true);
  });

  it('limits attempts and hides answers until the due date when the class says so', async () => {
    signInAs(id.teacher);
    const created = await createClass('Harbor seminar');
    if (!created.ok) throw new Error(created.error);
    classId = created.id;
    const code = (await handle.db.query.classes.findFirst({ where: (c, { eq: e }) => e(c.id, classId) }))!.joinCode;
    expect(await assign({ classId, target: `lesson:${lessonId}`, dueAt: future, attemptsAllowed: 1, answersShown: 'after_due', scoreRule: 'first' })).toMatchObject({ ok: true });
    const lesson = (await handle.db.select().from(lessons).where(eq(lessons.id, lessonId)))[0]!;
    const keys = await handle.db.select({ id: questions.id, answerKey: questions.answerKey, enabled: questions.enabled }).from(questions).where(eq(questions.lessonId, lessonId));
    const live = keys.filter((k) => k.enabled);

    for (const [who, option] of [['ann', 0], ['ben', 1]] as const) {
      signInAs(id[who]);
      expect(await joinClass(code)).toMatchObject({ ok: true });
      expect((await getQuizByLesson({ caseSlug: slug, lessonSlug: lesson.slug }))!.attempts).toEqual({ used: 0, allowed: 1, left: 1 });
      // Five tabs submit at once: one attempt is graded, the others are refused.
      const results = await Promise.all(Array.from({ length: 5 }, () => submitQuizAttempt({ lessonId, submissionKey: randomUUID(), getAll: sheetPicking(live, option) })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error === 'no_attempts_left')).toHaveLength(4);
      const [{ n }] = (await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, id[who]))) as [{ n: number }];
      expect(n).toBe(1);
      const mine = (await getAttemptById({ id: (results.find((r) => r.ok) as { attemptId: string }).attemptId }))!;
      expect(mine.reviewHiddenUntil).toEqual(future);
      expect(mine.attemptsLeft).toBe(0);
      // No right answer, explanation or source reaches the learner before the due date.
      expect(mine.questions.every((q) => q.review === null)).toBe(true);
      expect(JSON.stringify(mine)).not.toMatch(/rightAnswer|explanation|"source"/);
    }
    signInAs(id.teacher);
    const [annAttempt] = await handle.db.select().from(attempts).where(eq(attempts.userId, id.ann));
    expect((await getAttemptById({ id: annAttempt!.id }))!.questions.every((q) => q.review !== null)).toBe(true);
  });

  it('analyses the quiz for the owner of the class: facility of the edited question is 1/2', async () => {
    signInAs(id.teacher);
    const analysis = (await getItemAnalysis({ lessonId, classId, scope: 'first' }))!;
    expect(analysis.report.test.attempts).toBe(2);
    // Ann picked option 0 (the key after the edit), Ben option 1.
    const q = analysis.questions.find((x) => x.id === edited)!;
    expect(q.stats.facility).toBe(0.5);
    expect(q.editHref).toBe(`/teach/cases/${caseId}/questions/${edited}`);
    expect(q.options!.filter((o) => o.count > 0).map((o) => o.count)).toEqual([1, 1]);
    // The disabled question is not in the quiz and nobody answered it: it is left out.
    expect(analysis.questions.every((x) => x.inQuiz)).toBe(true);
    expect(JSON.stringify(analysis)).not.toContain('NaN');
  });

  it('keeps item analysis from other instructors and students', async () => {
    for (const who of [id.rival, id.ann, id.outsider]) {
      signInAs(who);
      expect(await getItemAnalysis({ lessonId, classId, scope: 'all' })).toBeNull();
      expect(await getItemAnalysis({ lessonId, scope: 'all' })).toBeNull();
    }
    signInAs(id.teacher);
    expect(await getItemAnalysis({ lessonId, classId: 'nope', scope: 'all' })).toBeNull();
    expect(await getItemAnalysis({ lessonId: randomUUID(), scope: 'all' })).toBeNull();
  });

  it('versions a question that already has answers, so past results keep what was asked', async () => {
    signInAs(id.teacher);
    const form = (await getQuestionForEdit({ id: edited }))!.form;
    const versioned = await updateQuestion({ id: edited, question: { type: 'single_choice', prompt: 'Reworded after the class took it.', options: [...form.options].reverse(), answer: 0, explanation: form.explanation, source: form.source } });
    expect(versioned).not.toBeNull();
    expect(versioned).not.toBe(edited);
    // The old version is retired with its answers; the new one takes its place in the quiz.
    const [old] = await handle.db.select().from(questions).where(eq(questions.id, edited));
    expect(old!.retiredAt).not.toBeNull();
    expect(await getQuestionForEdit({ id: edited })).toBeNull();
    const review = (await getCaseStudyForReview({ id: caseId }))!;
    const ids = review.lessons.flatMap((l) => l.questions.map((q) => q.id));
    expect(ids).toContain(versioned);
    expect(ids).not.toContain(edited);
    // Ann's result still shows the question and the answer as they were.
    const [annAttempt] = await handle.db.select().from(attempts).where(eq(attempts.userId, id.ann));
    const result = (await getAttemptById({ id: annAttempt!.id }))!;
    expect(result.questions.map((q) => q.prompt)).toContain(old!.prompt);
    expect(result.questions.map((q) => q.prompt)).not.toContain('Reworded after the class took it.');
    // Item analysis keeps the answered version, marked as no longer in the quiz, and the new one.
    const analysis = (await getItemAnalysis({ lessonId, classId, scope: 'all' }))!;
    expect(analysis.questions.find((q) => q.id === edited)).toMatchObject({ inQuiz: false, stats: { facility: 0.5 } });
    expect(analysis.questions.find((q) => q.id === versioned)).toMatchObject({ inQuiz: true, stats: { facility: null }, flags: [] });
    // A re-import still recognises the new version as the generated question it came from.
    await importCaseStudy({ text: `${text}\n\nA third closing remark.\n`, source: null });
    expect((await handle.db.select().from(questions).where(eq(questions.id, versioned!)))[0]).toMatchObject({ prompt: 'Reworded after the class took it.', retiredAt: null });
  });
});
