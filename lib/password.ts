import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { createSemaphore } from './security/semaphore';

// argon2id (the library's default algorithm) at OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

// Hashing is deliberately expensive: unbounded, 32 parallel sign-ins starve every other request.
// Half the cores hash; the rest keep serving pages while sign-ins queue.
const slots = createSemaphore(Math.max(1, Math.floor(availableParallelism() / 2)));

/** Runs work that hashes inside one of the few hashing slots. Do not nest. */
export function withHashSlot<T>(task: () => Promise<T>): Promise<T> {
  return slots.run(task);
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, ARGON2_OPTIONS));
}

/** For callers already holding a hashing slot. */
export async function verifyPasswordInSlot(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

export function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return withHashSlot(() => verifyPasswordInSlot(hashed, password));
}

// Verified against when the email is unknown, so both failures take the same time. Made outside
// the slots: it is made once, possibly by a caller that already holds one.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('casewise-timing-equaliser', ARGON2_OPTIONS);
  return dummyHash;
}
