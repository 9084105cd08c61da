import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { attempts, caseStudies, lessons, users } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { deleteOwnAccount } from './account';
import { getCaseStudyBySlug, getLessonBySlug, listCaseStudies } from './catalog';
import { assignLessons, createClass, getClassById, joinClassByCode } from './classes';
import { seedContent } from './internal/seed-content';
import { storeCaseStudy } from './internal/store-article';
import { setUserRoleByEmail } from './internal/user-role';
import { listPublishedImports, setCaseStudyShared } from './shared-library';

vi.mock('@/lib/auth', () => import('@/test/session'));

const ARTICLE = readFileSync('test/fixtures/harbor-coffee.md', 'utf8');
const SHIPPED = 'alibaba-ai-comeback';
const settings = { attemptsAllowed: null, answersShown: 'after_attempt', scoreRule: 'highest' } as const;

describe.each(testDatabaseKinds)('the shared library on %s', (kind) => {
  let handle: DatabaseHandle;
  let ids: Record<'admin' | 'author' | 'rival' | 'member' | 'outsider' | 'leaver', string>;
  let published: { id: string; slug: string };
  let draft: { id: string; slug: string };
  let shippedId: string;

  const as = (id: string | null) => signInAs(id);
  const library = async (id: string) => {
    as(id);
    return (await listCaseStudies()).map((c) => c.slug);
  };
  const sharedFlag = async (id: string) =>
    (await handle.db.select({ shared: caseStudies.shared }).from(caseStudies).where(eq(caseStudies.id, id)))[0]?.shared;
  const store = async (slug: string, ownerId: string, status: 'draft' | 'published') => {
    const stored = await storeCaseStudy(handle.db, { text: ARTICLE, slug, source: 'upload', status, ownerId });
    if (!stored.ok) throw new Error(`could not store ${slug}`);
    return { id: stored.id, slug };
  };

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    await seedContent(handle.db);
    ids = await createTestUsers({
      admin: 'student',
      author: 'instructor',
      rival: 'instructor',
      member: 'student',
      outsider: 'student',
      leaver: 'instructor',
    });
    const [admin] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, ids.admin));
    expect(await setUserRoleByEmail(handle.db, { email: admin!.email, role: 'admin' })).toMatchObject({ ok: true });
    published = await store('harbor-import', ids.author, 'published');
    draft = await store('harbor-draft', ids.author, 'draft');
    [{ id: shippedId }] = (await handle.db.select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.slug, SHIPPED))) as [
      { id: string },
    ];

    as(ids.author);
    const cls = await createClass({ name: 'Harbor seminar' });
    if (!cls.ok) throw new Error('class not created');
    const { joinCode } = (await getClassById({ id: cls.id }))!;
    await assignLessons({ classId: cls.id, target: `case:${published.id}`, dueAt: new Date(Date.now() + 86_400_000), ...settings });
    as(ids.member);
    expect(await joinClassByCode({ code: joinCode })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    as(null);
    await handle?.close();
  });

  it('is managed by administrators only: everyone else reads null and changes nothing', async () => {
    for (const who of [ids.author, ids.rival, ids.member, ids.outsider]) {
      as(who);
      expect(await listPublishedImports()).toBeNull();
      expect(await setCaseStudyShared({ id: published.id, shared: true })).toEqual({ ok: false, error: 'not_admin' });
      expect(await sharedFlag(published.id)).toBe(false);
    }
  });

  it('lists published imports with their owner, never drafts or the shipped case studies', async () => {
    as(ids.admin);
    const listed = (await listPublishedImports())!;
    const mine = listed.filter((c) => c.id === published.id || c.id === draft.id || c.id === shippedId);
    expect(mine).toEqual([
      expect.objectContaining({
        id: published.id,
        slug: published.slug,
        shared: false,
        owner: { name: 'author', email: expect.stringMatching(/^author-.*@example\.test$/) },
        lessons: expect.any(Number),
        questions: expect.any(Number),
      }),
    ]);
    expect(mine[0]!.lessons).toBeGreaterThan(0);
    expect(mine[0]!.questions).toBeGreaterThan(0);
  });

  it('refuses to promote a draft, a shipped case study, or an id that is not there', async () => {
    as(ids.admin);
    expect(await setCaseStudyShared({ id: draft.id, shared: true })).toEqual({ ok: false, error: 'not_published' });
    expect(await sharedFlag(draft.id)).toBe(false);
    expect(await setCaseStudyShared({ id: shippedId, shared: true })).toEqual({ ok: false, error: 'not_found' });
    expect(await sharedFlag(shippedId)).toBe(false);
    expect(await setCaseStudyShared({ id: randomUUID(), shared: true })).toEqual({ ok: false, error: 'not_found' });
    expect(await setCaseStudyShared({ id: "x' or 1=1 --", shared: true })).toEqual({ ok: false, error: 'not_found' });
  });

  it('lets an administrator read a published import before promoting it, without putting it in their library', async () => {
    expect(await library(ids.admin)).toEqual([SHIPPED]);
    expect(await getCaseStudyBySlug({ slug: published.slug })).toMatchObject({ id: published.id });
    expect(await getCaseStudyBySlug({ slug: draft.slug })).toBeNull();
    as(ids.outsider);
    expect(await getCaseStudyBySlug({ slug: published.slug })).toBeNull();
  });

  it('puts a promoted import in every library and makes it assignable; removing it leaves it with its owner and classes, attempts kept', async () => {
    // An outsider practised on it while it was shared.
    as(ids.admin);
    expect(await setCaseStudyShared({ id: published.id, shared: true })).toEqual({ ok: true, title: expect.any(String) });
    expect(await library(ids.outsider)).toEqual(expect.arrayContaining([SHIPPED, published.slug]));
    const lesson = (await getCaseStudyBySlug({ slug: published.slug }))!.lessons[0]!;
    expect(await getLessonBySlug({ caseSlug: published.slug, lessonSlug: lesson.slug })).not.toBeNull();
    const [attempt] = await handle.db
      .insert(attempts)
      .values({ userId: ids.outsider, lessonId: lesson.id, submissionKey: randomUUID(), score: 1, maxScore: 2 })
      .returning({ id: attempts.id });

    as(ids.rival);
    const rivalClass = await createClass({ name: 'Rival class' });
    if (!rivalClass.ok) throw new Error('class not created');
    expect((await getClassById({ id: rivalClass.id }))!.assignable.map((l) => l.caseId)).toContain(published.id);

    as(ids.admin);
    expect(await setCaseStudyShared({ id: published.id, shared: false })).toEqual({ ok: true, title: expect.any(String) });
    expect(await library(ids.outsider)).toEqual([SHIPPED]);
    expect(await getCaseStudyBySlug({ slug: published.slug })).toBeNull();
    expect(await library(ids.author)).toContain(published.slug);
    expect(await library(ids.member)).toContain(published.slug);
    as(ids.rival);
    expect((await getClassById({ id: rivalClass.id }))!.assignable.map((l) => l.caseId)).not.toContain(published.id);
    const kept = await handle.db.select({ id: attempts.id }).from(attempts).where(eq(attempts.userId, ids.outsider));
    expect(kept).toEqual([{ id: attempt!.id }]);

    // Promoted again: the outsider finds their progress where they left it.
    as(ids.admin);
    await setCaseStudyShared({ id: published.id, shared: true });
    as(ids.outsider);
    const again = (await listCaseStudies()).find((c) => c.slug === published.slug)!;
    expect(again.lessons.find((l) => l.id === lesson.id)!.progress).toMatchObject({ attempts: 1 });
    as(ids.admin);
    await setCaseStudyShared({ id: published.id, shared: false });
  });

  it('leaves the shared library when its author deletes their account', async () => {
    const orphan = await store('harbor-orphan', ids.leaver, 'published');
    as(ids.admin);
    expect(await setCaseStudyShared({ id: orphan.id, shared: true })).toMatchObject({ ok: true });
    expect(await library(ids.outsider)).toContain(orphan.slug);
    as(ids.leaver);
    expect(await deleteOwnAccount({ password: 'password-123', address: '192.0.2.1' })).toEqual({ ok: true });
    expect(await library(ids.outsider)).not.toContain(orphan.slug);
    expect(await sharedFlag(orphan.id)).toBe(false);
    const [row] = await handle.db.select({ n: lessons.id }).from(lessons).where(eq(lessons.caseStudyId, orphan.id)).limit(1);
    expect(row).toBeDefined(); // withdrawn, not deleted
  });
});
