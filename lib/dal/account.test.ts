import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { assignments, attempts, caseStudies, classes, classMembers, lessons, users } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { changeName, changePassword, deleteOwnAccount, getAccountSummary } from './account';
import { assignLessons, createClass, getClassById, joinClassByCode } from './classes';
import { seedContent } from './internal/seed-content';
import { storeCaseStudy } from './internal/store-article';
import { setUserRoleByEmail } from './internal/user-role';
import { isSessionCurrent, revokeSessionsByUserId, verifyCredentials } from './users';

vi.mock('@/lib/auth', () => import('@/test/session'));

const ADDRESS = '192.0.2.10';

describe.each(testDatabaseKinds)('ending sessions on the server on %s', (kind) => {
  let handle: DatabaseHandle;
  let ids: Record<'signsOut' | 'changesPassword' | 'promoted' | 'leaves' | 'bystander', string>;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    ids = await createTestUsers({
      signsOut: 'student',
      changesPassword: 'student',
      promoted: 'student',
      leaves: 'student',
      bystander: 'student',
    });
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  const emailOf = async (id: string) => (await handle.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email;

  /** The version a session token issued now would carry. */
  const tokenFor = async (id: string) => {
    const [row] = await handle.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, id));
    return { id, sessionVersion: row!.sessionVersion };
  };

  it('accepts a token issued with the current version and nothing else', async () => {
    const token = await tokenFor(ids.bystander);
    expect(await isSessionCurrent(token)).toBe(true);
    expect(await isSessionCurrent({ ...token, sessionVersion: token.sessionVersion + 1 })).toBe(false);
    expect(await isSessionCurrent({ ...token, sessionVersion: undefined })).toBe(false);
    expect(await isSessionCurrent({ id: 'not-a-uuid', sessionVersion: 1 })).toBe(false);
  });

  it('refuses every older token after a sign-out, and only that user’s', async () => {
    const before = await tokenFor(ids.signsOut);
    const other = await tokenFor(ids.bystander);
    await revokeSessionsByUserId({ id: ids.signsOut });
    expect(await isSessionCurrent(before)).toBe(false);
    expect(await isSessionCurrent(await tokenFor(ids.signsOut))).toBe(true);
    expect(await isSessionCurrent(other)).toBe(true);
  });

  it('refuses older tokens after a password change, which needs the current password', async () => {
    const before = await tokenFor(ids.changesPassword);
    signInAs(ids.changesPassword);
    expect(await changePassword({ currentPassword: 'wrong', newPassword: 'a-new-password', address: ADDRESS })).toEqual({
      ok: false,
      error: 'wrong_password',
    });
    expect(await isSessionCurrent(before)).toBe(true);
    expect(await changePassword({ currentPassword: 'password-123', newPassword: 'a-new-password', address: ADDRESS })).toEqual({
      ok: true,
    });
    expect(await isSessionCurrent(before)).toBe(false);
    expect(await verifyCredentials({ email: await emailOf(ids.changesPassword), password: 'a-new-password' })).not.toBeNull();
  });

  it('refuses older tokens after a role change', async () => {
    const before = await tokenFor(ids.promoted);
    expect(await setUserRoleByEmail(handle.db, { email: (await emailOf(ids.promoted)).toUpperCase(), role: 'admin' })).toEqual({
      ok: true,
      id: ids.promoted,
      previous: 'student',
    });
    expect(await isSessionCurrent(before)).toBe(false);
    const [row] = await handle.db.select({ role: users.role }).from(users).where(eq(users.id, ids.promoted));
    expect(row!.role).toBe('admin');
    expect(await setUserRoleByEmail(handle.db, { email: 'nobody@example.test', role: 'instructor' })).toEqual({
      ok: false,
      error: 'unknown_email',
    });
  });

  it('refuses the tokens of a deleted account', async () => {
    const before = await tokenFor(ids.leaves);
    signInAs(ids.leaves);
    expect(await deleteOwnAccount({ password: 'password-123', address: ADDRESS })).toEqual({ ok: true });
    expect(await isSessionCurrent(before)).toBe(false);
  });
});

describe.each(testDatabaseKinds)('the account page’s changes on %s', (kind) => {
  let handle: DatabaseHandle;
  let lessonId = '';

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    const [lesson] = await handle.db.select({ id: lessons.id }).from(lessons).limit(1);
    lessonId = lesson!.id;
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  const attempt = async (userId: string, assignmentId: string | null = null) => {
    const [row] = await handle.db
      .insert(attempts)
      .values({ userId, lessonId, assignmentId, submissionKey: randomUUID(), score: 2, maxScore: 3 })
      .returning({ id: attempts.id });
    return row!.id;
  };
  const userRow = async (id: string) => (await handle.db.select().from(users).where(eq(users.id, id)))[0];

  it('changes the signed-in user’s name and nobody else’s', async () => {
    const id = await createTestUsers({ renamed: 'student', other: 'student' });
    signInAs(id.renamed);
    await changeName({ name: 'Renée Nouveau' });
    expect((await userRow(id.renamed))!.name).toBe('Renée Nouveau');
    expect((await userRow(id.other))!.name).toBe('other');
    expect(await getAccountSummary()).toMatchObject({ name: 'Renée Nouveau', role: 'student', attempts: 0, classes: 0 });
  });

  it('refuses to delete an account without its password, and changes nothing', async () => {
    const id = await createTestUsers({ careful: 'student' });
    const attemptId = await attempt(id.careful);
    signInAs(id.careful);
    expect(await deleteOwnAccount({ password: 'not-my-password', address: ADDRESS })).toEqual({ ok: false, error: 'wrong_password' });
    expect(await userRow(id.careful)).toBeDefined();
    const [kept] = await handle.db.select({ userId: attempts.userId }).from(attempts).where(eq(attempts.id, attemptId));
    expect(kept!.userId).toBe(id.careful);
  });

  it('throttles password guesses made through the account page like sign-in', async () => {
    const id = await createTestUsers({ guessed: 'student' });
    signInAs(id.guessed);
    const address = '192.0.2.77';
    // Five free failures, then each one (and each knock while waiting) doubles the wait: seconds, then minutes.
    for (let i = 0; i < 10; i++)
      expect(await changePassword({ currentPassword: `guess-${i}`, newPassword: 'whatever-new', address })).toMatchObject({ ok: false });
    // The right password is not even checked now.
    expect(await deleteOwnAccount({ password: 'password-123', address })).toEqual({ ok: false, error: 'throttled' });
    expect(await userRow(id.guessed)).toBeDefined();
  });

  it('anonymises a deleted learner’s attempts and takes them out of their classes', async () => {
    const id = await createTestUsers({ teacher: 'instructor', leaver: 'student', stays: 'student' });
    signInAs(id.teacher);
    const created = await createClass({ name: 'Anonymity' });
    if (!created.ok) throw new Error(created.error);
    expect(
      await assignLessons({
        classId: created.id,
        target: `lesson:${lessonId}`,
        dueAt: new Date('2099-01-01'),
        attemptsAllowed: null,
        answersShown: 'after_attempt',
        scoreRule: 'highest',
      }),
    ).toMatchObject({ ok: true });
    const cls = (await getClassById({ id: created.id }))!;
    for (const student of [id.leaver, id.stays]) {
      signInAs(student);
      expect(await joinClassByCode({ code: cls.joinCode })).toMatchObject({ ok: true });
    }
    const assignmentId = cls.assignments[0]!.id;
    const practice = await attempt(id.leaver);
    const graded = await attempt(id.leaver, assignmentId);
    const kept = await attempt(id.stays, assignmentId);

    signInAs(id.leaver);
    expect(await getAccountSummary()).toMatchObject({ attempts: 2 });
    expect(await deleteOwnAccount({ password: 'password-123', address: ADDRESS })).toEqual({ ok: true });

    expect(await userRow(id.leaver)).toBeUndefined();
    const rows = await handle.db.select({ id: attempts.id, userId: attempts.userId, assignmentId: attempts.assignmentId }).from(attempts);
    // Still there for the question statistics, but no longer anyone's.
    expect(rows.find((r) => r.id === practice)).toEqual({ id: practice, userId: null, assignmentId: null });
    expect(rows.find((r) => r.id === graded)).toEqual({ id: graded, userId: null, assignmentId });
    expect(rows.find((r) => r.id === kept)).toMatchObject({ userId: id.stays });
    const members = await handle.db.select({ userId: classMembers.userId }).from(classMembers).where(eq(classMembers.classId, created.id));
    expect(members.map((m) => m.userId)).toEqual([id.stays]);
  });

  it('closes a deleted instructor’s classes, leaves the students their attempts as practice, withdraws their imports', async () => {
    const id = await createTestUsers({ leavingTeacher: 'instructor', pupil: 'student' });
    signInAs(id.leavingTeacher);
    const created = await createClass({ name: 'Closing' });
    if (!created.ok) throw new Error(created.error);
    await assignLessons({
      classId: created.id,
      target: `lesson:${lessonId}`,
      dueAt: new Date('2099-01-01'),
      attemptsAllowed: 1,
      answersShown: 'after_due',
      scoreRule: 'highest',
    });
    const cls = (await getClassById({ id: created.id }))!;
    const stored = await storeCaseStudy(handle.db, {
      text: readFileSync('test/fixtures/harbor-coffee.md', 'utf8'),
      slug: `closing-${randomUUID().slice(0, 6)}`,
      source: 'upload',
      status: 'published',
      ownerId: id.leavingTeacher,
    });
    if (!stored.ok) throw new Error(stored.error);
    signInAs(id.pupil);
    await joinClassByCode({ code: cls.joinCode });
    const pupilAttempt = await attempt(id.pupil, cls.assignments[0]!.id);

    signInAs(id.leavingTeacher);
    expect(await getAccountSummary()).toMatchObject({ classes: 1, students: 1, caseStudies: 1 });
    expect(await deleteOwnAccount({ password: 'password-123', address: ADDRESS })).toEqual({ ok: true });

    expect(await handle.db.select().from(classes).where(eq(classes.id, created.id))).toEqual([]);
    expect(await handle.db.select().from(assignments).where(eq(assignments.classId, created.id))).toEqual([]);
    const [kept] = await handle.db.select().from(attempts).where(eq(attempts.id, pupilAttempt));
    expect(kept).toMatchObject({ userId: id.pupil, assignmentId: null });
    const [withdrawn] = await handle.db
      .select({ ownerId: caseStudies.ownerId, status: caseStudies.status, shared: caseStudies.shared })
      .from(caseStudies)
      .where(eq(caseStudies.id, stored.id));
    expect(withdrawn).toEqual({ ownerId: null, status: 'draft', shared: false });
  });
});
