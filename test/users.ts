import { randomUUID } from 'node:crypto';
import { createUser } from '@/lib/dal/users';

type TestRole = 'student' | 'instructor';

/**
 * Creates one account per name and returns their ids by name. Emails carry a random tag, so every
 * test can make its own "ann" without meeting another test's.
 */
export async function createTestUsers<K extends string>(roles: Record<K, TestRole>): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  const tag = randomUUID().slice(0, 8);
  for (const [name, role] of Object.entries(roles) as [K, TestRole][]) {
    const created = await createUser({ name, email: `${name}-${tag}@example.test`, password: 'password-123', role });
    if (!created.ok) throw new Error(`could not create ${name}: ${created.error}`);
    ids[name] = created.id;
  }
  return ids;
}
