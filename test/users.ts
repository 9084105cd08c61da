import { createUser } from '@/lib/dal/users';

export type TestRole = 'student' | 'instructor';

/** Creates one account per name (email `<name>@example.test`) and returns their ids by name. */
export async function createTestUsers<K extends string>(roles: Record<K, TestRole>): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  for (const [name, role] of Object.entries(roles) as [K, TestRole][]) {
    const created = await createUser({ name, email: `${name}@example.test`, password: 'password-123', role });
    if (!created.ok) throw new Error(`could not create ${name}: ${created.error}`);
    ids[name] = created.id;
  }
  return ids;
}
