import { z } from 'zod';
import { dueDateOrIssue, timeZoneField, wallTimeField } from './due-date';

/** An assignment's settings as the assign and edit forms send them (the due date in the browser's zone). */
export const assignmentSettings = z
  .object({
    dueAt: wallTimeField,
    timeZone: timeZoneField,
    attemptsAllowed: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 20), 'Attempts allowed must be between 1 and 20, or unlimited.'),
    answersShown: z.enum(['after_attempt', 'after_due'], { error: 'Choose when answers are shown.' }).default('after_attempt'),
    scoreRule: z.enum(['highest', 'latest', 'first', 'average'], { error: 'Choose the score that counts.' }).default('highest'),
  })
  .transform(({ dueAt, timeZone, ...rest }, ctx) => ({ ...rest, dueAt: dueDateOrIssue(dueAt, timeZone, ctx, 'dueAt') }));

/** One student's extension: a later due date (optional), extra attempts (0–10). */
export const extensionSettings = z
  .object({
    dueAt: wallTimeField,
    timeZone: timeZoneField,
    extraAttempts: z
      .string()
      .optional()
      .transform((v) => (v ? Number(v) : 0))
      .refine((v) => Number.isInteger(v) && v >= 0 && v <= 10, 'Extra attempts must be between 0 and 10.'),
  })
  .transform(({ dueAt, timeZone, extraAttempts }, ctx) => ({
    extraAttempts,
    dueAt: dueAt ? dueDateOrIssue(dueAt, timeZone, ctx, 'dueAt') : null,
  }));
