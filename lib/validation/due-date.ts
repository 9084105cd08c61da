import { z } from 'zod';
import { isTimeZone, wallTimeToUtc } from '@/lib/time-zone';

const WALL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/;

/** The wall time typed into a datetime-local input, and the browser's time zone sent beside it. */
export const wallTimeField = z.string().trim().max(40).default('');
export const timeZoneField = z.string().trim().max(64).default('UTC');

/**
 * A due date and time as the form sends it: the wall time the instructor typed
 * ("2030-12-15T17:30", or a date alone, due at 23:59 that day) in the time zone their browser is
 * in (UTC when the browser did not say). One instant, stored in UTC; a message when it is not one.
 */
export function readDueDate(wall: string, zone: string): { ok: true; dueAt: Date } | { ok: false; message: string } {
  if (!WALL.test(wall)) return { ok: false, message: 'Choose a due date and time.' };
  if (!isTimeZone(zone || 'UTC'))
    return { ok: false, message: 'Your browser sent a time zone Casewise does not know. Reload the page and try again.' };
  const dueAt = wallTimeToUtc(wall.length === 10 ? `${wall}T23:59` : wall, zone || 'UTC');
  if (!dueAt || dueAt.getUTCFullYear() >= 3000 || dueAt.getUTCFullYear() < 2000)
    return { ok: false, message: 'Choose a valid due date and time.' };
  return { ok: true, dueAt };
}

/** For a schema's transform: the instant, or an issue on `path` and z.NEVER. */
export function dueDateOrIssue(wall: string, zone: string, ctx: z.RefinementCtx, path: string): Date {
  const read = readDueDate(wall, zone);
  if (read.ok) return read.dueAt;
  ctx.addIssue({ code: 'custom', message: read.message, path: [path] });
  return z.NEVER;
}
