import 'server-only';
import { withHashSlot } from '@/lib/password';
import { SIGN_IN_POLICIES, SIGN_UP_POLICY, signInKeys, signUpKey } from '@/lib/security/throttle-policy';
import type { SignInInput } from '@/lib/validation/auth';
import { verifyCredentialsInSlot, type VerifiedUser } from '../users';
import { clearKey, findBlockedKey, recordFailure } from './throttle';

type SignInCheck = { status: 'ok'; user: VerifiedUser } | { status: 'invalid' } | { status: 'throttled' };

/**
 * Trusted, and run before any session exists: lib/auth.ts (Auth.js's authorize() and the sign-up
 * action's limit) is the only caller. It is the session check's own first step, so it cannot sit
 * behind one.
 *
 * Every password check goes through here. The throttle is read inside the hashing slot, so
 * parallel guesses cannot all pass the check before the first failure is counted.
 */
export function checkSignIn({ email, password, address }: SignInInput & { address: string }): Promise<SignInCheck> {
  const keys = signInKeys(email, address);
  return withHashSlot(async () => {
    const blocked = await findBlockedKey({ keys: [keys.accountAtAddress, keys.address, keys.account] });
    if (blocked) {
      // Knocking while made to wait lengthens the wait on that key alone; it never adds to the
      // account-wide count, which would let one stranger lock the owner out everywhere.
      if (blocked !== keys.account) await recordFailure({ key: blocked, policy: policyOf(keys, blocked) });
      return { status: 'throttled' };
    }
    const user = await verifyCredentialsInSlot({ email, password });
    if (!user) {
      await recordFailure({ key: keys.accountAtAddress, policy: SIGN_IN_POLICIES.accountAtAddress });
      await recordFailure({ key: keys.address, policy: SIGN_IN_POLICIES.address });
      await recordFailure({ key: keys.account, policy: SIGN_IN_POLICIES.account });
      return { status: 'invalid' };
    }
    await clearKey({ key: keys.accountAtAddress });
    return { status: 'ok', user };
  });
}

function policyOf(keys: ReturnType<typeof signInKeys>, key: string) {
  return key === keys.accountAtAddress ? SIGN_IN_POLICIES.accountAtAddress : SIGN_IN_POLICIES.address;
}

/**
 * Counts a sign-up from the address; false once the address has used up its sign-ups for now.
 * Decided by the count the atomic increment returns, not by a read before it: fifty sign-ups sent
 * at once must not all see "not blocked yet".
 */
export async function allowSignUp({ address }: { address: string }): Promise<boolean> {
  return (await recordFailure({ key: signUpKey(address), policy: SIGN_UP_POLICY })) <= SIGN_UP_POLICY.free;
}
