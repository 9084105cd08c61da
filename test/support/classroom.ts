import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { lessons, questions } from '@/db/schema';
import type { AssignmentSettings } from '@/lib/dal/assignments';
import { submitQuizAttempt } from '@/lib/dal/attempts';
import { assignLessons, createClass, getClassById, joinClassByCode } from '@/lib/dal/classes';
import { seedContent } from '@/lib/dal/internal/seed-content';
import type { AnswerKey, PublicQuestionData } from '@/lib/quizgen/types';
import { answerSheet, asSubmission } from '@/test/answer-sheet';
import { createTestDatabase, type testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';

/** The shipped lesson the DAL tests take quizzes on. */
export const SEEDED_LESSON = 'what-was-the-big-crackdown-all-about';

type QuestionKey = { id: string; answerKey: AnswerKey; data: PublicQuestionData };

export interface SeededLesson {
  handle: DatabaseHandle;
  lessonId: string;
  /** The lesson's questions with their keys, for answer sheets answered right or wrong. */
  keys: QuestionKey[];
}

/**
 * Registers the file's beforeAll/afterAll: a fresh database of this kind with the shipped case
 * studies imported. The object it returns is filled in before the first test runs.
 */
export function useSeededLesson(kind: (typeof testDatabaseKinds)[number]): SeededLesson {
  const seeded = {} as SeededLesson;
  beforeAll(async () => {
    const handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    const [lesson] = await handle.db.select().from(lessons).where(eq(lessons.slug, SEEDED_LESSON));
    const keys = await handle.db
      .select({ id: questions.id, answerKey: questions.answerKey, data: questions.data })
      .from(questions)
      .where(eq(questions.lessonId, lesson!.id));
    Object.assign(seeded, { handle, lessonId: lesson!.id, keys });
  });
  afterAll(async () => {
    signInAs(null);
    await seeded.handle?.close();
  });
  return seeded;
}

/**
 * A teacher's class that ann and ben joined, with the seeded lesson assigned under `settings`; a
 * rival instructor and an outsider student exist beside it. Each test builds its own.
 */
export async function createClassroom(seeded: SeededLesson, settings: AssignmentSettings, { name = 'Strategy 101' } = {}) {
  const id = await createTestUsers({ teacher: 'instructor', rival: 'instructor', ann: 'student', ben: 'student', outsider: 'student' });
  signInAs(id.teacher);
  const created = await createClass({ name });
  if (!created.ok) throw new Error(created.error);
  const classId = created.id;
  const code = (await getClassById({ id: classId }))!.joinCode;
  for (const student of [id.ann, id.ben]) {
    signInAs(student);
    expect(await joinClassByCode({ code })).toMatchObject({ ok: true });
  }
  signInAs(id.teacher);
  expect(await assignLessons({ classId, target: `lesson:${seeded.lessonId}`, ...settings })).toEqual({ ok: true, count: 1, kept: 0 });
  const assignmentId = (await getClassById({ id: classId }))!.assignments[0]!.id;
  return { id, classId, code, assignmentId };
}

/** Signs in as the learner and submits the seeded lesson's quiz, every answer right or wrong. */
export function submitAs(
  seeded: SeededLesson,
  userId: string,
  { assignmentId, answer }: { assignmentId?: string; answer: 'right' | 'wrong' },
) {
  signInAs(userId);
  return submitQuizAttempt({ lessonId: seeded.lessonId, assignmentId, ...asSubmission(answerSheet(seeded.keys, answer)) });
}
