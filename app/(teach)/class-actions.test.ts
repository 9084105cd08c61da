import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { classes } from '@/db/schema';
import { createTestDatabase } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { createClassAction } from './class-actions';

vi.mock('@/lib/auth', () => import('@/test/session'));

describe('instructor actions', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
  });

  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it('refuses a student with a message, before the DAL is asked, and stores nothing', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    const form = new FormData();
    form.set('name', 'Sneaky class');
    expect(await createClassAction({ status: 'idle' }, form)).toEqual({ status: 'error', message: 'Only instructors can do this.' });
    expect(await handle.db.select().from(classes)).toEqual([]);
  });

  it('lets an instructor through to the DAL', async () => {
    const { teacher } = await createTestUsers({ teacher: 'instructor' });
    signInAs(teacher);
    const form = new FormData();
    form.set('name', 'Strategy 101');
    await expect(createClassAction({ status: 'idle' }, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await handle.db.select().from(classes)).map((c) => c.name)).toEqual(['Strategy 101']);
  });
});
