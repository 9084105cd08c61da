import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { attempts, caseStudies, lessons, questions } from '@/db/schema';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { submitQuizAttempt } from './attempts';
import { importCaseStudy, publishCaseStudy } from './authoring';
import { archiveCaseStudy, deleteCaseStudy, restoreCaseStudy, unpublishCaseStudy } from './case-lifecycle';
import { getCaseStudyBySlug, listCaseStudies } from './catalog';
import { assignLessons, createClass, getAssignedToMe, getClassById, getGradebookByClassId, joinClassByCode } from './classes';

vi.mock('@/lib/auth', () => import('@/test/session'));

describe.each(testDatabaseKinds)('unpublishing, archiving and deleting case studies on %s', (kind) => {
  let handle: DatabaseHandle;
  let fixture = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    fixture = await readFile(path.join(process.cwd(), 'test/fixtures/harbor-coffee.md'), 'utf8');
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  /** A teacher's published import assigned to a class that ann is in; ann has attempted it if asked. */
  async function assigned({ attempted }: { attempted: boolean }) {
    const id = await createTestUsers({ teacher: 'instructor', rival: 'instructor', ann: 'student' });
    signInAs(id.teacher);
    const imported = await importCaseStudy({ text: fixture.replace(/^# .*$/m, `# Harbor Coffee ${randomUUID()}`), source: null });
    if (!imported.ok) throw new Error(imported.error);
    expect(await publishCaseStudy({ id: imported.id })).toEqual({ ok: true });
    const cls = await createClass({ name: 'Ops' });
    if (!cls.ok) throw new Error(cls.error);
    await assignLessons({
      classId: cls.id,
      target: `case:${imported.id}`,
      dueAt: new Date('2099-01-01T00:00:00Z'),
      attemptsAllowed: null,
      answersShown: 'after_attempt',
      scoreRule: 'highest',
    });
    const code = (await getClassById({ id: cls.id }))!.joinCode;
    const [cs] = await handle.db.select().from(caseStudies).where(eq(caseStudies.id, imported.id));
    signInAs(id.ann);
    await joinClassByCode({ code });
    let attemptId: string | null = null;
    if (attempted) {
      const mine = (await getAssignedToMe())[0]!;
      const keys = await handle.db
        .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
        .from(questions)
        .where(eq(questions.lessonId, mine.lessonId));
      const done = await submitQuizAttempt({
        lessonId: mine.lessonId,
        assignmentId: mine.id,
        ...asSubmission(answerSheet(keys, 'right')),
      });
      if (!done.ok) throw new Error(done.error);
      attemptId = done.attemptId;
    }
    signInAs(id.teacher);
    return { id, caseId: imported.id, slug: cs!.slug, classId: cls.id, attemptId };
  }

  it('unpublishes for its owner only: learners lose it, the gradebook keeps its attempts', async () => {
    const { id, caseId, slug, classId } = await assigned({ attempted: true });
    for (const who of [id.rival, id.ann]) {
      signInAs(who);
      expect(await unpublishCaseStudy({ id: caseId })).toEqual({ ok: false, error: 'not_found' });
    }
    signInAs(id.teacher);
    expect(await unpublishCaseStudy({ id: caseId })).toEqual({ ok: true });
    signInAs(id.ann);
    expect(await getCaseStudyBySlug({ slug })).toBeNull();
    expect(await getAssignedToMe()).toEqual([]);
    signInAs(id.teacher);
    const book = (await getGradebookByClassId({ classId }))!;
    expect(book.students[0]!.cells.some((c) => c.attempts === 1)).toBe(true);
    expect(await publishCaseStudy({ id: caseId })).toEqual({ ok: true });
    signInAs(id.ann);
    expect(await getCaseStudyBySlug({ slug })).not.toBeNull();
  });

  it('archives and restores: out of every library and assign list, attempts and gradebook kept', async () => {
    const { id, caseId, slug, classId } = await assigned({ attempted: true });
    expect(await archiveCaseStudy({ id: caseId })).toEqual({ ok: true });
    expect((await getClassById({ id: classId }))!.assignable.some((l) => l.caseId === caseId)).toBe(false);
    expect((await getGradebookByClassId({ classId }))!.students[0]!.cells.some((c) => c.attempts === 1)).toBe(true);
    signInAs(id.ann);
    expect(await getCaseStudyBySlug({ slug })).toBeNull();
    expect((await listCaseStudies()).some((c) => c.slug === slug)).toBe(false);
    signInAs(id.rival);
    expect(await restoreCaseStudy({ id: caseId })).toEqual({ ok: false, error: 'not_found' });
    signInAs(id.teacher);
    expect(await restoreCaseStudy({ id: caseId })).toEqual({ ok: true });
    signInAs(id.ann);
    expect(await getCaseStudyBySlug({ slug })).not.toBeNull();
  });

  it('archives instead of deleting a case study with attempts, and never loses one', async () => {
    const { id, caseId, attemptId } = await assigned({ attempted: true });
    signInAs(id.rival);
    expect(await deleteCaseStudy({ id: caseId })).toEqual({ ok: false, error: 'not_found' });
    signInAs(id.teacher);
    expect(await deleteCaseStudy({ id: 'nope' })).toEqual({ ok: false, error: 'not_found' });
    expect(await deleteCaseStudy({ id: caseId })).toEqual({ ok: true, outcome: 'archived' });
    const [cs] = await handle.db.select().from(caseStudies).where(eq(caseStudies.id, caseId));
    expect(cs!.archivedAt).not.toBeNull();
    expect(await handle.db.select().from(attempts).where(eq(attempts.id, attemptId!))).toHaveLength(1);
  });

  it('deletes a case study nobody attempted, with its lessons', async () => {
    const { caseId } = await assigned({ attempted: false });
    const lessonIds = (await handle.db.select({ id: lessons.id }).from(lessons).where(eq(lessons.caseStudyId, caseId))).map((l) => l.id);
    expect(await deleteCaseStudy({ id: caseId })).toEqual({ ok: true, outcome: 'deleted' });
    expect(await handle.db.select().from(caseStudies).where(eq(caseStudies.id, caseId))).toEqual([]);
    const [left] = await handle.db.select({ n: count() }).from(lessons).where(inArray(lessons.id, lessonIds));
    expect(left!.n).toBe(0);
  });
});
