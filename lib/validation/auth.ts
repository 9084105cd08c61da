import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from './text';

// Long enough for any passphrase, short enough that hashing it cannot be used to exhaust the server.
const MAX_PASSWORD = 1024;

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(MAX_PASSWORD),
});

export const signUpSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(100, 'Keep your name under 100 characters.')
    .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTER_MESSAGE),
  email,
  password: z
    .string({ error: 'Choose a password.' })
    .min(8, 'Use at least 8 characters for your password.')
    .max(MAX_PASSWORD, `Keep your password under ${MAX_PASSWORD} characters.`),
  role: z.enum(['student', 'instructor'], { error: 'Choose whether you are a student or an instructor.' }),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
