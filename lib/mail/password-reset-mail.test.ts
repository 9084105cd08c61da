import { describe, expect, it } from 'vitest';
import { passwordResetLink, passwordResetMail } from './password-reset-mail';

describe('the password reset mail', () => {
  it('links to the reset page on the configured site, the token in the query', () => {
    const token = 'abcDEF123_-'.padEnd(43, 'x');
    expect(passwordResetLink('https://casewise.example.org', token)).toBe(`https://casewise.example.org/reset-password?token=${token}`);
  });

  it('puts the link on a line of its own and says how long it works', () => {
    const mail = passwordResetMail({ to: 'ana@example.test', name: 'Ana', link: 'https://casewise.example.org/reset-password?token=t' });
    expect(mail.to).toBe('ana@example.test');
    expect(mail.text.split('\n')).toContain('https://casewise.example.org/reset-password?token=t');
    expect(mail.text).toMatch(/once, within an hour/);
  });
});
