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

const name = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, 'Enter your name.')
  .max(100, 'Keep your name under 100 characters.')
  .refine((v) => !hasControlCharacters(v), CONTROL_CHARACTER_MESSAGE);

const newPassword = z
  .string({ error: 'Choose a password.' })
  .min(8, 'Use at least 8 characters for your password.')
  .max(MAX_PASSWORD, `Keep your password under ${MAX_PASSWORD} characters.`);

const currentPassword = z
  .string({ error: 'Enter your current password.' })
  .min(1, 'Enter your current password.')
  .max(MAX_PASSWORD, 'That is not your password.');

export const signUpSchema = z.object({
  name,
  email,
  password: newPassword,
  role: z.enum(['student', 'instructor'], { error: 'Choose whether you are a student or an instructor.' }),
});

export const changeNameSchema = z.object({ name });

export const changePasswordSchema = z.object({ currentPassword, newPassword });

export const deleteAccountSchema = z.object({
  password: currentPassword,
  confirm: z.literal('yes', { error: 'Tick the box to confirm that you want your account deleted.' }),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z.object({
  token: z.string({ error: 'This reset link is not valid.' }).max(100, 'This reset link is not valid.'),
  password: newPassword,
});

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
