import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { caseStudies, users } from '@/db/schema';
import { storeCaseStudy } from '@/lib/dal/internal/store-article';
import { setUserRoleByEmail } from '@/lib/dal/internal/user-role';
import { createTestDatabase } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { signUpAction } from '../(auth)/actions';
import { setSharedAction } from './actions';

vi.mock('@/lib/auth', () => import('@/test/session'));
// Outside a request there is no page cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
// The sign-up action imports Auth.js's error classes; a refused form never reaches Auth.js.
vi.mock('next-auth', () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));

describe('administrator actions', () => {
  let handle: DatabaseHandle;
  let ids: Record<'admin' | 'author' | 'student', string>;
  let caseId = '';
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };
  const shared = async () => (await handle.db.select({ s: caseStudies.shared }).from(caseStudies).where(eq(caseStudies.id, caseId)))[0]!.s;

  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    ids = await createTestUsers({ admin: 'student', author: 'instructor', student: 'student' });
    const [row] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, ids.admin));
    await setUserRoleByEmail(handle.db, { email: row!.email, role: 'admin' });
    const text = readFileSync('test/fixtures/harbor-coffee.md', 'utf8');
    const stored = await storeCaseStudy(handle.db, { text, slug: 'harbor', source: 'upload', status: 'published', ownerId: ids.author });
    if (!stored.ok) throw new Error('import failed');
    caseId = stored.id;
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it('refuses the owner and a student with a message, and changes nothing', async () => {
    for (const who of [ids.author, ids.student]) {
      signInAs(who);
      expect(await setSharedAction({ status: 'idle' }, form({ caseStudyId: caseId, shared: 'true' }))).toEqual({
        status: 'error',
        message: 'Only administrators can do this.',
      });
    }
    expect(await shared()).toBe(false);
  });

  it('lets an administrator promote and remove, and answers a bad id with words', async () => {
    signInAs(ids.admin);
    expect(await setSharedAction({ status: 'idle' }, form({ caseStudyId: caseId, shared: 'true' }))).toMatchObject({
      status: 'success',
      message: expect.stringContaining('is in the shared library'),
    });
    expect(await shared()).toBe(true);
    expect(await setSharedAction({ status: 'idle' }, form({ caseStudyId: caseId, shared: 'false' }))).toMatchObject({
      status: 'success',
      message: expect.stringContaining('left the shared library'),
    });
    expect(await shared()).toBe(false);
    expect(await setSharedAction({ status: 'idle' }, form({ caseStudyId: 'nope', shared: 'true' }))).toMatchObject({
      status: 'error',
      message: 'Case study not found.',
    });
    expect(await setSharedAction({ status: 'idle' }, form({ caseStudyId: caseId, shared: 'yes' }))).toMatchObject({ status: 'error' });
    expect(await shared()).toBe(false);
  });

  it('never makes an administrator through sign-up, whatever role the form claims', async () => {
    signInAs(null);
    const email = 'would-be-admin@example.test';
    const state = await signUpAction({ status: 'idle' }, form({ name: 'Mallory', email, password: 'mallory-password', role: 'admin' }));
    expect(state).toMatchObject({ status: 'error', message: 'Choose whether you are a student or an instructor.' });
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });
});
