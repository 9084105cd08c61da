import { z } from 'zod';
import { RETENTION_DEFAULT, RETENTION_MAX, RETENTION_MIN } from '@/lib/review/schedule';

const percent = (n: number) => `${Math.round(n * 100)}%`;

export const RETENTION_RANGE_MESSAGE = `Choose a target between ${percent(RETENTION_MIN)} and ${percent(RETENTION_MAX)}.`;

/** The targets the account page offers, from the lowest to the highest allowed. */
export const RETENTION_CHOICES = [RETENTION_MIN, 0.75, 0.8, 0.85, RETENTION_DEFAULT, 0.95, RETENTION_MAX];

/** The retention target as the account form sends it (a fraction, such as 0.9). */
export const retentionSchema = z.object({
  retention: z
    .string({ error: RETENTION_RANGE_MESSAGE })
    .trim()
    .min(1, RETENTION_RANGE_MESSAGE)
    .transform(Number)
    .refine((n) => Number.isFinite(n) && n >= RETENTION_MIN && n <= RETENTION_MAX, RETENTION_RANGE_MESSAGE),
});
