import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '@/db';
import { users } from '@/db/schema';
import { createTestDatabase, testDatabaseKinds } from '@/test/database';
import { signInAs } from '@/test/session';
import { createTestUsers } from '@/test/users';
import { saveRetentionAction } from './actions';

vi.mock('@/lib/auth', () => import('@/test/session'));
// Outside a request there is no page cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

describe.each(testDatabaseKinds)('the spaced-review target on the account page, on %s', (kind) => {
  let handle: DatabaseHandle;
  const form = (retention?: string) => {
    const data = new FormData();
    if (retention !== undefined) data.set('retention', retention);
    return data;
  };
  const stored = async (id: string) => (await handle.db.select({ r: users.desiredRetention }).from(users).where(eq(users.id, id)))[0]!.r;

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
  });
  afterAll(async () => {
    signInAs(null);
    await handle?.close();
  });

  it("saves the learner's own target and nobody else's", async () => {
    const { ann, ben } = await createTestUsers({ ann: 'student', ben: 'student' });
    signInAs(ann);
    expect(await saveRetentionAction({ status: 'idle' }, form('0.8'))).toEqual({
      status: 'success',
      message: 'Retention target saved: 80%. It applies from your next answer.',
    });
    expect(await stored(ann)).toBe(0.8);
    expect(await stored(ben)).toBe(0.9);
  });

  it('answers a forged or missing target with the allowed range and changes nothing', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(ann);
    for (const bad of ['0.5', '0.99', '97', '', ' ', 'abc', 'NaN', 'Infinity', '1e400', undefined]) {
      expect(await saveRetentionAction({ status: 'idle' }, form(bad))).toMatchObject({
        status: 'error',
        message: 'Choose a target between 70% and 97%.',
        fieldErrors: { retention: ['Choose a target between 70% and 97%.'] },
      });
    }
    expect(await stored(ann)).toBe(0.9);
  });

  it('sends a signed-out visitor to the sign-in page and saves nothing', async () => {
    const { ann } = await createTestUsers({ ann: 'student' });
    signInAs(null);
    await expect(saveRetentionAction({ status: 'idle' }, form('0.8'))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await stored(ann)).toBe(0.9);
  });
});
