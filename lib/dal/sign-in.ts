import 'server-only';
import { withHashSlot } from '@/lib/password';
import { SIGN_IN_POLICIES, SIGN_UP_POLICY, signInKeys, signUpKey } from '@/lib/security/throttle-policy';
import type { SignInInput } from '@/lib/validation/auth';
import { clearKey, findBlockedKey, recordFailure } from './throttle';
import { verifyCredentialsInSlot, type VerifiedUser } from './users';

type SignInCheck = { status: 'ok'; user: VerifiedUser } | { status: 'invalid' } | { status: 'throttled' };

/**
 * Every password check goes through here (the sign-in form and Auth.js's own callback endpoint
 * both reach it from authorize()). The throttle is read inside the hashing slot, so parallel
 * guesses cannot all pass the check before the first failure is counted.
 */
export function checkSignIn(input: SignInInput, address: string): Promise<SignInCheck> {
  const keys = signInKeys(input.email, address);
  return withHashSlot(async () => {
    const blocked = await findBlockedKey([keys.accountAtAddress, keys.address, keys.account]);
    if (blocked) {
      // Knocking while made to wait lengthens the wait on that key alone; it never adds to the
      // account-wide count, which would let one stranger lock the owner out everywhere.
      if (blocked !== keys.account) await recordFailure(blocked, policyOf(keys, blocked));
      return { status: 'throttled' };
    }
    const user = await verifyCredentialsInSlot(input);
    if (!user) {
      await recordFailure(keys.accountAtAddress, SIGN_IN_POLICIES.accountAtAddress);
      await recordFailure(keys.address, SIGN_IN_POLICIES.address);
      await recordFailure(keys.account, SIGN_IN_POLICIES.account);
      return { status: 'invalid' };
    }
    await clearKey(keys.accountAtAddress);
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
export async function allowSignUp(address: string): Promise<boolean> {
  return (await recordFailure(signUpKey(address), SIGN_UP_POLICY)) <= SIGN_UP_POLICY.free;
}
