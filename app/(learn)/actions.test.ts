import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { attempts } from '@/db/schema';
import { answerSheet } from '@/test/answer-sheet';
import { testDatabaseKinds } from '@/test/database';
import { session, signInAs } from '@/test/session';
import { useSeededLesson } from '@/test/support/classroom';
import { createTestUsers } from '@/test/users';
import { joinClassAction, submitQuizAction } from './actions';

vi.mock('@/lib/auth', () => import('@/test/session'));

describe.each(testDatabaseKinds)('learner actions on %s', (kind) => {
  const seeded = useSeededLesson(kind);

  it('ignores a forged score sent with the form: the server grades the answers', async () => {
    const { learner } = await createTestUsers({ learner: 'student' });
    signInAs(learner);
    // Every answer wrong, while the form claims full marks in every way a client could.
    const form = new FormData();
    form.set('lessonId', seeded.lessonId);
    const sheet = answerSheet(seeded.keys, 'wrong');
    form.set('submissionKey', sheet.submissionKey);
    form.set('score', String(seeded.keys.length));
    form.set('maxScore', String(seeded.keys.length));
    for (const q of seeded.keys) form.set(`isCorrect.${q.id}`, 'true');
    for (const [name, value] of sheet.fields) form.append(name, value);
    // Success redirects to the result page, which Next.js does by throwing.
    await expect(submitQuizAction({ status: 'idle' }, form)).rejects.toThrow(/NEXT_REDIRECT/);
    const stored = await seeded.handle.db
      .select({ score: attempts.score, maxScore: attempts.maxScore })
      .from(attempts)
      .where(eq(attempts.userId, learner));
    expect(stored).toEqual([{ score: 0, maxScore: seeded.keys.length }]);
  });

  it('reads the session once per submit, though the action wrapper and the DAL both check it (issue 12)', async () => {
    const { learner } = await createTestUsers({ learner: 'student' });
    signInAs(learner);
    const form = new FormData();
    form.set('lessonId', seeded.lessonId);
    form.set('submissionKey', randomUUID());
    for (const [name, value] of answerSheet(seeded.keys, 'right').fields) form.append(name, value);
    session.reads = 0;
    await expect(submitQuizAction({ status: 'idle' }, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(session.reads).toBe(1);
    // A second action is a new request: it reads the session again (a sign-out in between counts).
    signInAs(null);
    const again = new FormData();
    again.set('lessonId', seeded.lessonId);
    again.set('submissionKey', randomUUID());
    await expect(submitQuizAction({ status: 'idle' }, again)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(session.reads).toBe(2);
    expect(await seeded.handle.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.userId, learner))).toHaveLength(1);
  });

  it('answers a forged assignment id with a message and stores nothing', async () => {
    const { learner } = await createTestUsers({ learner: 'student' });
    signInAs(learner);
    for (const assignmentId of [randomUUID(), 'not-an-id']) {
      const form = new FormData();
      form.set('lessonId', seeded.lessonId);
      form.set('assignmentId', assignmentId);
      form.set('submissionKey', randomUUID());
      for (const [name, value] of answerSheet(seeded.keys, 'right').fields) form.append(name, value);
      expect(await submitQuizAction({ status: 'idle' }, form)).toMatchObject({
        status: 'error',
        message: expect.stringMatching(/not assigned to you.*not saved/),
      });
    }
    expect(await seeded.handle.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.userId, learner))).toEqual([]);
  });

  it('sends a signed-out visitor to the sign-in page before reading the form', async () => {
    signInAs(null);
    const form = new FormData();
    form.set('code', 'ABCD1234');
    await expect(joinClassAction({ status: 'idle' }, form)).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it('answers invalid input with a message and keeps what was typed', async () => {
    const { learner } = await createTestUsers({ learner: 'student' });
    signInAs(learner);
    const form = new FormData();
    form.set('code', 'x'.repeat(41));
    expect(await joinClassAction({ status: 'idle' }, form)).toMatchObject({
      status: 'error',
      message: 'That is not a join code.',
      values: { code: 'x'.repeat(41) },
    });
  });
});
