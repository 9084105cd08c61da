export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The "set a new password" mail: plain text, the link on a line of its own. */
export function passwordResetMail({ to, name, link }: { to: string; name: string; link: string }): MailMessage {
  return {
    to,
    subject: 'Set a new Casewise password',
    text: [
      `Hello ${name},`,
      '',
      'Someone (we hope you) asked to set a new password for your Casewise account. Open this link to choose one:',
      '',
      link,
      '',
      'The link works once, within an hour. If you did not ask for it, ignore this mail: your password stays as it is.',
      '',
      'Casewise',
    ].join('\n'),
  };
}

/** The reset page's address on the site people open (APP_URL), never on a Host a client sent. */
export function passwordResetLink(appUrl: string, token: string): string {
  return `${appUrl}/reset-password?${new URLSearchParams({ token })}`;
}
