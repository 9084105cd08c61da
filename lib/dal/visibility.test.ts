import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { deleteOwnAccount } from './account';
import { getCaseStudyBySlug, listCaseStudies } from './catalog';
import { assignLessons, createClass, getClassById, joinClassByCode } from './classes';
import { seedContent } from './internal/seed-content';
import { storeCaseStudy } from './internal/store-article';

vi.mock('@/lib/auth', () => import('@/test/session'));

const ARTICLE = readFileSync('test/fixtures/harbor-coffee.md', 'utf8');
const SHIPPED = 'alibaba-ai-comeback';
const settings = { attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' } as const;

describe.each(testDatabaseKinds)("who sees an instructor's published import on %s", (kind) => {
  let handle: DatabaseHandle;
  let ids: Record<'author' | 'rival' | 'member' | 'outsider' | 'leaver', string>;
  let caseId: string;
  const slugsSeenBy = async (id: string) => {
    signInAs(id);
    return (await listCaseStudies()).map((c) => c.slug);
  };

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    ids = await createTestUsers({
      author: 'instructor',
      rival: 'instructor',
      member: 'student',
      outsider: 'student',
      leaver: 'instructor',
    });
    const stored = await storeCaseStudy(handle.db, {
      text: ARTICLE,
      slug: 'private-import',
      source: 'upload',
      status: 'published',
      ownerId: ids.author,
    });
    if (!stored.ok) throw new Error('import failed');
    caseId = stored.id;

    signInAs(ids.author);
    const cls = await createClass({ name: 'Harbor seminar' });
    if (!cls.ok) throw new Error('class not created');
    const { joinCode } = (await getClassById({ id: cls.id }))!;
    expect(
      await assignLessons({ classId: cls.id, target: `case:${caseId}`, dueAt: new Date(Date.now() + 86_400_000), ...settings }),
    ).toMatchObject({ ok: true });
    signInAs(ids.member);
    expect(await joinClassByCode({ code: joinCode })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it('is not in an outsider’s library, and cannot be opened by its address', async () => {
    expect(await slugsSeenBy(ids.outsider)).toEqual([SHIPPED]);
    expect(await getCaseStudyBySlug({ slug: 'private-import' })).toBeNull();
  });

  it('is seen by its author and by the members of a class it is assigned to', async () => {
    expect(await slugsSeenBy(ids.author)).toContain('private-import');
    expect(await slugsSeenBy(ids.member)).toEqual(expect.arrayContaining([SHIPPED, 'private-import']));
  });

  it('cannot be assigned, or even listed, by another instructor', async () => {
    signInAs(ids.rival);
    const cls = await createClass({ name: 'Rival class' });
    if (!cls.ok) throw new Error('class not created');
    const assignable = (await getClassById({ id: cls.id }))!.assignable.map((l) => l.caseId);
    expect(assignable).not.toContain(caseId);
    expect(assignable.length).toBeGreaterThan(0); // the shipped library is still there
    expect(await assignLessons({ classId: cls.id, target: `case:${caseId}`, dueAt: new Date(), ...settings })).toEqual({
      ok: false,
      error: 'not_published',
    });
  });

  it('does not join the shared library when its author deletes their account', async () => {
    const stored = await storeCaseStudy(handle.db, {
      text: ARTICLE,
      slug: 'orphaned-import',
      source: 'upload',
      status: 'published',
      ownerId: ids.leaver,
    });
    expect(stored.ok).toBe(true);
    signInAs(ids.leaver);
    expect(await deleteOwnAccount({ password: 'password-123', address: '192.0.2.1' })).toEqual({ ok: true });
    expect(await slugsSeenBy(ids.outsider)).toEqual([SHIPPED]);
  });
});
