import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { runMigrations } from '@/db/migrate';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed migrations before `stopAt` only: the database as production has it today. */
async function migrateBefore(handle: DatabaseHandle, stopAt: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'casewise-migrations-'));
  try {
    const journal = JSON.parse(await readFile(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => e.tag === stopAt);
    expect(index).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, index);
    await cp(MIGRATIONS, dir, { recursive: true });
    await writeFile(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
    const { migrate } =
      handle.kind === 'pglite' ? await import('drizzle-orm/pglite/migrator') : await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.each(testDatabaseKinds)('migration 0004 gives existing attempts their assignment on %s', (kind) => {
  let handle: DatabaseHandle;
  const day = (n: number) => new Date(Date.UTC(2030, 0, n)).toISOString();
  const rows = async <T>(query: ReturnType<typeof sql>) => {
    const result = (await handle.db.execute(query)) as unknown as { rows?: T[] } | T[];
    return Array.isArray(result) ? result : (result.rows ?? []);
  };

  beforeAll(async () => {
    handle = await createTestDatabase(kind, { migrate: false });
    await migrateBefore(handle, '0004_assignment_attempts_admin');
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('keeps practice as practice, follows the class joined first, and respects the limit', async () => {
    const id = async (query: ReturnType<typeof sql>) => (await rows<{ id: string }>(query))[0]!.id;
    const user = (name: string, role: 'student' | 'instructor') =>
      id(sql`insert into users (name, email, password_hash, role) values (${name}, ${`${name}@example.test`}, 'x', ${role}) returning id`);
    const teacher = await user('teacher', 'instructor');
    const shadow = await user('shadow', 'instructor');
    const [ann, ben, cara] = [await user('ann', 'student'), await user('ben', 'student'), await user('cara', 'student')];
    const caseId =
      await id(sql`insert into case_studies (slug, title, introduction, conclusion, takeaways, reading_minutes, content_hash, status)
      values ('c', 'C', '[]', '[]', '[]', 1, 'h', 'published') returning id`);
    const lesson = await id(sql`insert into lessons (case_study_id, position, slug, title, body, key_points)
      values (${caseId}, 0, 'l', 'L', '[]', '[]') returning id`);
    const cls = (owner: string, code: string) =>
      id(sql`insert into classes (owner_id, name, join_code) values (${owner}, ${code}, ${code}) returning id`);
    const [real, second] = [await cls(teacher, 'REAL0001'), await cls(shadow, 'SHAD0001')];
    // The real class allows one attempt; the second class, set up later, allows any number.
    const assign = (classId: string, allowed: number | null, created: string) =>
      id(sql`insert into assignments (class_id, lesson_id, due_at, attempts_allowed, created_at)
        values (${classId}, ${lesson}, ${day(28)}, ${allowed}, ${created}) returning id`);
    const realAssignment = await assign(real, 1, day(2));
    const secondAssignment = await assign(second, null, day(5));
    const join = (classId: string, userId: string, at: string) =>
      handle.db.execute(sql`insert into class_members (class_id, user_id, joined_at) values (${classId}, ${userId}, ${at})`);
    await join(real, ann, day(3));
    await join(second, ann, day(6));
    await join(second, ben, day(6));
    await join(real, cara, day(10));
    const attempt = (userId: string, at: string) =>
      id(sql`insert into attempts (user_id, lesson_id, submission_key, score, max_score, submitted_at)
        values (${userId}, ${lesson}, gen_random_uuid(), 1, 1, ${at}) returning id`);
    const annBeforeAssigned = await attempt(ann, day(1));
    const annInReal = await attempt(ann, day(4));
    const annAfterSecond = [await attempt(ann, day(7)), await attempt(ann, day(8))];
    const benInSecond = await attempt(ben, day(7));
    const caraBeforeJoining = await attempt(cara, day(9));
    const caraInReal = await attempt(cara, day(11));

    await runMigrations(handle.db, handle.kind);

    const after = new Map(
      (await rows<{ id: string; assignment_id: string | null }>(sql`select id, assignment_id from attempts`)).map((r) => [
        r.id,
        r.assignment_id,
      ]),
    );
    expect(after.size).toBe(7);
    expect(after.get(annBeforeAssigned)).toBeNull();
    expect(after.get(annInReal)).toBe(realAssignment);
    // In both classes: the real one (joined first) has its one attempt already, so these stay practice.
    for (const a of annAfterSecond) expect(after.get(a)).toBeNull();
    expect(after.get(benInSecond)).toBe(secondAssignment);
    expect(after.get(caraBeforeJoining)).toBeNull();
    expect(after.get(caraInReal)).toBe(realAssignment);
  });
});
