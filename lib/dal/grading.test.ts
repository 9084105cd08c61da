import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { answerGradings, answers, attempts, caseStudies, lessons, questions, quizDrafts } from '@/db/schema';
import { fieldName } from '@/lib/grading/answer-sheet';
import { MAX_WRITTEN_ANSWER, type StoredAnswerKey, type StoredQuestionData } from '@/lib/questions/kinds';
import { answerSheet } from '@/test/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { getItemAnalysis } from './analysis';
import { getAttemptById, submitQuizAttempt } from './attempts';
import { getCaseStudyForReview, importCaseStudy, publishCaseStudy } from './authoring';
import { assignLessons, createClass, getClassById, getGradebookByClassId, joinClassByCode } from './classes';
import { getQuizDraft, saveQuizDraft } from './drafts';
import { gradeWrittenAnswer } from './grading';
import { getQuizByLesson } from './catalog';
import { addQuestion, updateQuestion } from './questions';
import { getTeachingHome } from './teaching-home';

vi.mock('@/lib/auth', () => import('@/test/session'));

const FIXTURE = path.join(process.cwd(), 'test/fixtures/harbor-coffee.md');
const MODEL = 'MODEL-ANSWER-SENTINEL the roaster grew by selling wholesale first';
const RUBRIC = [
  { label: 'RUBRIC-SENTINEL names the wholesale channel', points: 3 },
  { label: 'Explains why it mattered', points: 2 },
];

/** A getAll over a plain record, as FormData.getAll. */
const form = (fields: Record<string, string>) => (name: string) => (name in fields ? [fields[name]!] : []);

describe.each(testDatabaseKinds)('written answers graded with a rubric on %s', (kind) => {
  let handle: DatabaseHandle;
  let fixture = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    fixture = await readFile(FIXTURE, 'utf8');
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  /**
   * A teacher's published import whose first lesson has an open-response question (besides the
   * generated ones), assigned to a class that ann joined; a rival instructor has a class of their own.
   */
  async function setting() {
    const id = await createTestUsers({ teacher: 'instructor', rival: 'instructor', ann: 'student', ben: 'student' });
    signInAs(id.teacher);
    const saved = await importCaseStudy({
      text: fixture.replace('Harbor Coffee', `Harbor Coffee ${randomUUID().slice(0, 8)}`),
      source: 'x.md',
    });
    if (!saved.ok) throw new Error(saved.error);
    const lesson = (await getCaseStudyForReview({ id: saved.id }))!.lessons.find((l) => l.questions.length > 0)!;
    const added = await addQuestion({
      lessonId: lesson.id,
      question: {
        type: 'open_response',
        prompt: 'Why did the roaster sell wholesale first?',
        modelAnswer: MODEL,
        rubric: RUBRIC,
        explanation: '',
        source: '',
      },
    });
    if (!added.ok) throw new Error(added.error);
    expect(await publishCaseStudy({ id: saved.id })).toEqual({ ok: true });
    const created = await createClass({ name: 'Seminar' });
    if (!created.ok) throw new Error(created.error);
    const due = new Date('2099-01-01T00:00:00Z');
    await assignLessons({
      classId: created.id,
      target: `lesson:${lesson.id}`,
      dueAt: due,
      attemptsAllowed: null,
      answersShown: 'after_attempt',
      scoreRule: 'latest',
    });
    const cls = (await getClassById({ id: created.id }))!;
    signInAs(id.ann);
    expect(await joinClassByCode({ code: cls.joinCode })).toMatchObject({ ok: true });
    const keys: { id: string; data: StoredQuestionData; answerKey: StoredAnswerKey }[] = await handle.db
      .select({ id: questions.id, data: questions.data, answerKey: questions.answerKey })
      .from(questions)
      .where(and(eq(questions.lessonId, lesson.id), eq(questions.enabled, true)));
    return { id, lessonId: lesson.id, writtenId: added.id, classId: created.id, assignmentId: cls.assignments[0]!.id, keys };
  }

  /** Ann answers every closed question right and writes `text` (or nothing); returns the attempt and the written answer's id. */
  async function annSubmits(s: Awaited<ReturnType<typeof setting>>, text: string | null, assignmentId: string | null = s.assignmentId) {
    signInAs(s.id.ann);
    const sheet = answerSheet(
      s.keys.filter((k) => k.id !== s.writtenId),
      'right',
    );
    const getAll = (name: string) => (name === fieldName(s.writtenId) ? (text === null ? [] : [text]) : sheet(name));
    const result = await submitQuizAttempt({ lessonId: s.lessonId, assignmentId, submissionKey: sheet.submissionKey, getAll });
    if (!result.ok) throw new Error(result.error);
    const [answer] = await handle.db
      .select({ id: answers.id })
      .from(answers)
      .where(and(eq(answers.attemptId, result.attemptId), eq(answers.questionId, s.writtenId)));
    return { attemptId: result.attemptId, answerId: answer!.id };
  }

  const stateOf = async (attemptId: string, answerId: string) => {
    const [attempt] = await handle.db.select().from(attempts).where(eq(attempts.id, attemptId));
    const [answer] = await handle.db.select().from(answers).where(eq(answers.id, answerId));
    const [history] = await handle.db.select({ n: count() }).from(answerGradings).where(eq(answerGradings.answerId, answerId));
    return { attempt, answer, gradings: history!.n };
  };

  it('waits for grading; the closed questions count at once; the learner gets neither model answer nor rubric', async () => {
    const s = await setting();
    const closed = s.keys.length - 1;
    const { attemptId } = await annSubmits(s, 'Because cafés paid up front.');
    const [row] = await handle.db.select().from(attempts).where(eq(attempts.id, attemptId));
    // Every question is one mark: the closed ones count at once, the written one is 0 until graded.
    expect(row).toMatchObject({ score: closed, maxScore: closed + 1, gradingPending: true });

    signInAs(s.id.ann);
    const seen = (await getAttemptById({ id: attemptId }))!;
    const written = seen.questions.find((q) => q.id === s.writtenId)!;
    expect(written.written).toMatchObject({ status: 'waiting', criteria: [], max: null, modelAnswer: null, answerId: null });
    expect(JSON.stringify(seen)).not.toMatch(/SENTINEL/);

    signInAs(s.id.teacher);
    const book = (await getGradebookByClassId({ classId: s.classId }))!;
    expect(book.waiting.map((w) => w.attemptId)).toEqual([attemptId]);
    expect(book.students.find((st) => st.id === s.id.ann)!.cells[0]!.pendingAttemptIds).toEqual([attemptId]);
  });

  it('a blank written answer scores zero at once and waits for nobody', async () => {
    const s = await setting();
    const { attemptId, answerId } = await annSubmits(s, null);
    expect((await stateOf(attemptId, answerId)).attempt).toMatchObject({ gradingPending: false });
    signInAs(s.id.teacher);
    expect(await gradeWrittenAnswer({ answerId, getAll: form({ 'points.0': '1', 'points.1': '1' }) })).toEqual({
      ok: false,
      error: 'nothing_to_grade',
    });
  });

  it('the instructor grades criterion by criterion and regrades; the learner then sees points, comment and model answer', async () => {
    const s = await setting();
    const closed = s.keys.length - 1;
    const { attemptId, answerId } = await annSubmits(s, 'Because cafés paid up front.');
    signInAs(s.id.teacher);
    expect(
      await gradeWrittenAnswer({ answerId, getAll: form({ 'points.0': '2', 'points.1': '1', comment: 'Name the channel.' }) }),
    ).toEqual({
      ok: true,
      attemptId,
      regraded: false,
    });
    let state = await stateOf(attemptId, answerId);
    expect(state.attempt!.score).toBeCloseTo(closed + 3 / 5);
    expect(state.attempt).toMatchObject({ gradingPending: false });
    expect(state.answer).toMatchObject({ rubricPoints: [2, 1], comment: 'Name the channel.', correct: false });
    expect(state.answer!.credit).toBeCloseTo(3 / 5);
    const firstGradedAt = state.answer!.gradedAt!;

    expect(
      await gradeWrittenAnswer({ answerId, getAll: form({ 'points.0': '3', 'points.1': '2', comment: 'Full marks on review.' }) }),
    ).toMatchObject({
      ok: true,
      regraded: true,
    });
    state = await stateOf(attemptId, answerId);
    expect(state.attempt).toMatchObject({ score: closed + 1, gradingPending: false });
    expect(state.answer).toMatchObject({ rubricPoints: [3, 2], correct: true, credit: 1 });
    expect(state.gradings).toBe(2);
    expect(state.answer!.gradedAt!.getTime()).toBeGreaterThanOrEqual(firstGradedAt.getTime());

    signInAs(s.id.ann);
    const written = (await getAttemptById({ id: attemptId }))!.questions.find((q) => q.id === s.writtenId)!.written!;
    expect(written).toMatchObject({
      status: 'graded',
      awarded: 5,
      max: 5,
      comment: 'Full marks on review.',
      modelAnswer: MODEL,
      gradings: 2,
    });
    expect(written.criteria).toEqual([
      { label: RUBRIC[0]!.label, max: 3, awarded: 3 },
      { label: RUBRIC[1]!.label, max: 2, awarded: 2 },
    ]);
  });

  it.each([
    ['above a criterion’s maximum', { 'points.0': '4', 'points.1': '2' }, 'points.0'],
    ['negative', { 'points.0': '-1', 'points.1': '2' }, 'points.0'],
    ['not a whole number', { 'points.0': '1.5', 'points.1': '2' }, 'points.0'],
    ['missing', { 'points.0': '3' }, 'points.1'],
    ['huge', { 'points.0': '99999999999', 'points.1': '2' }, 'points.0'],
    ['a comment over the limit', { 'points.0': '1', 'points.1': '1', comment: 'x'.repeat(2001) }, 'comment'],
  ])('refuses points %s with a message for that field, and stores nothing', async (_what, fields, field) => {
    const s = await setting();
    const { attemptId, answerId } = await annSubmits(s, 'An answer.');
    const before = await stateOf(attemptId, answerId);
    signInAs(s.id.teacher);
    const result = await gradeWrittenAnswer({ answerId, getAll: form(fields) });
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect(result.ok === false && result.fieldErrors?.[field]?.[0]).toMatch(/points|comment/i);
    expect(await stateOf(attemptId, answerId)).toEqual(before);
  });

  it('reports every bad criterion at once', async () => {
    const s = await setting();
    const { answerId } = await annSubmits(s, 'An answer.');
    signInAs(s.id.teacher);
    const result = await gradeWrittenAnswer({ answerId, getAll: form({ 'points.0': '9', 'points.1': '-3' }) });
    expect(result.ok === false && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['points.0', 'points.1']);
  });

  it('only the instructor of the attempt’s class grades it: others, wrong ids and practice get not_found and change nothing', async () => {
    const s = await setting();
    const { attemptId, answerId } = await annSubmits(s, 'An answer.');
    const practice = await annSubmits(s, 'Practice answer.', null);
    const closedAnswer = (await handle.db.select({ id: answers.id }).from(answers).where(eq(answers.attemptId, attemptId))).find(
      (a) => a.id !== answerId,
    )!.id;
    const before = await stateOf(attemptId, answerId);
    const points = form({ 'points.0': '3', 'points.1': '2' });
    for (const who of [s.id.rival, s.id.ann, s.id.ben]) {
      signInAs(who);
      expect(await gradeWrittenAnswer({ answerId, getAll: points })).toEqual({ ok: false, error: 'not_found' });
    }
    signInAs(s.id.teacher);
    for (const wrong of [randomUUID(), 'not-a-uuid', `${answerId}x`, '', practice.answerId])
      expect(await gradeWrittenAnswer({ answerId: wrong, getAll: points })).toEqual({ ok: false, error: 'not_found' });
    expect(await gradeWrittenAnswer({ answerId: closedAnswer, getAll: points })).toEqual({ ok: false, error: 'nothing_to_grade' });
    expect(await stateOf(attemptId, answerId)).toEqual(before);
    expect((await stateOf(practice.attemptId, practice.answerId)).gradings).toBe(0);
  });

  it('item analysis takes the written question’s facility from the awarded share and leaves ungraded answers out', async () => {
    const s = await setting();
    const graded = await annSubmits(s, 'First.');
    await annSubmits(s, 'Second, not graded yet.');
    signInAs(s.id.teacher);
    expect(await gradeWrittenAnswer({ answerId: graded.answerId, getAll: form({ 'points.0': '3', 'points.1': '1' }) })).toMatchObject({
      ok: true,
    });
    const analysis = (await getItemAnalysis({ lessonId: s.lessonId, classId: s.classId, scope: 'all' }))!;
    const item = analysis.questions.find((q) => q.id === s.writtenId)!;
    expect(item.stats.facility).toBeCloseTo(4 / 5);
    expect(item.answered).toBe(1);
  });

  it('keeps a draft per learner and quiz, ignores other fields, refuses an overlong text without losing the saved one, and clears it on submit', async () => {
    const s = await setting();
    signInAs(s.id.ann);
    expect(await saveQuizDraft({ lessonId: s.lessonId, texts: { [s.writtenId]: 'Half a thought' } })).toMatchObject({ ok: true });
    expect(await saveQuizDraft({ lessonId: s.lessonId, texts: { [s.writtenId]: 'x'.repeat(MAX_WRITTEN_ANSWER + 1) } })).toEqual({
      ok: false,
      error: 'too_long',
    });
    expect(await saveQuizDraft({ lessonId: s.lessonId, texts: { [randomUUID()]: 'forged' } })).toEqual({ ok: false, error: 'not_found' });
    expect(await saveQuizDraft({ lessonId: 'nope', texts: { [s.writtenId]: 'x' } })).toEqual({ ok: false, error: 'not_found' });
    expect((await getQuizDraft({ lessonId: s.lessonId }))!.texts).toEqual({ [s.writtenId]: 'Half a thought' });
    // Ben may read the published import's lesson but has a draft of his own: none.
    signInAs(s.id.ben);
    expect(await getQuizDraft({ lessonId: s.lessonId })).toBeNull();
    // A student outside the class cannot see the private import at all.
    expect(await saveQuizDraft({ lessonId: s.lessonId, texts: { [s.writtenId]: 'x' } })).toEqual({ ok: false, error: 'not_found' });

    await annSubmits(s, 'Half a thought, finished.');
    const left = await handle.db.select().from(quizDrafts).where(eq(quizDrafts.userId, s.id.ann));
    expect(left).toEqual([]);
  });

  it('refuses a written answer over the limit at submit with the question named, and stores no attempt', async () => {
    const s = await setting();
    signInAs(s.id.ann);
    const result = await submitQuizAttempt({
      lessonId: s.lessonId,
      assignmentId: s.assignmentId,
      submissionKey: randomUUID(),
      getAll: form({ [fieldName(s.writtenId)]: 'y'.repeat(MAX_WRITTEN_ANSWER + 1) }),
    });
    expect(result).toEqual({ ok: false, error: 'too_long', questionIds: [s.writtenId] });
    expect((await handle.db.select({ n: count() }).from(attempts).where(eq(attempts.userId, s.id.ann)))[0]!.n).toBe(0);
  });

  it('lists the waiting submission on the teaching home with its grading screen, until it is graded', async () => {
    const s = await setting();
    const { attemptId, answerId } = await annSubmits(s, 'Because cafés paid up front.');
    signInAs(s.id.teacher);
    const classOf = async () => (await getTeachingHome())!.classes.find((c) => c.id === s.classId)!;
    expect(await classOf()).toMatchObject({ waitingForGrading: 1, waiting: [{ attemptId, lessonTitle: expect.any(String) }] });
    expect((await classOf()).waiting[0]!.studentName).toBe(
      (await getClassById({ id: s.classId }))!.roster.find((r) => r.id === s.id.ann)!.name,
    );
    // Another instructor's home never shows it.
    signInAs(s.id.rival);
    expect((await getTeachingHome())!.classes.some((c) => c.id === s.classId)).toBe(false);
    signInAs(s.id.teacher);
    expect(await gradeWrittenAnswer({ answerId, getAll: form({ 'points.0': '3', 'points.1': '2', comment: 'Good.' }) })).toMatchObject({
      ok: true,
    });
    expect(await classOf()).toMatchObject({ waitingForGrading: 0, waiting: [] });
  });

  it('an edit of a written question moves its case study’s content version, so learners get the new prompt at once', async () => {
    const s = await setting();
    const [where] = await handle.db
      .select({ caseId: caseStudies.id, caseSlug: caseStudies.slug, lessonSlug: lessons.slug, version: caseStudies.contentVersion })
      .from(lessons)
      .innerJoin(caseStudies, eq(caseStudies.id, lessons.caseStudyId))
      .where(eq(lessons.id, s.lessonId));
    signInAs(s.id.ann);
    const quiz = async () => (await getQuizByLesson({ caseSlug: where!.caseSlug, lessonSlug: where!.lessonSlug }))!;
    // Read once, so the content is cached under the version before the edit.
    expect((await quiz()).questions.find((q) => q.id === s.writtenId)!.prompt).toBe('Why did the roaster sell wholesale first?');
    signInAs(s.id.teacher);
    const edited = await updateQuestion({
      id: s.writtenId,
      question: {
        type: 'open_response',
        prompt: 'What did selling wholesale first give the roaster?',
        modelAnswer: MODEL,
        rubric: [...RUBRIC, { label: 'Uses a figure from the case', points: 1 }],
        explanation: '',
        source: '',
      },
    });
    if (!edited.ok) throw new Error(edited.error);
    const [after] = await handle.db
      .select({ version: caseStudies.contentVersion })
      .from(caseStudies)
      .where(eq(caseStudies.id, where!.caseId));
    expect(after!.version).toBeGreaterThan(where!.version);
    signInAs(s.id.ann);
    const served = (await quiz()).questions.find((q) => q.id === edited.id)!;
    expect(served.prompt).toBe('What did selling wholesale first give the roaster?');
    expect(JSON.stringify(await quiz())).not.toMatch(/SENTINEL|Uses a figure/);
  });
});
