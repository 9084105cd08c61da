import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { serverEnv } from '@/lib/env';
import type { MailMessage } from './password-reset-mail';

let transport: Transporter | undefined;

function smtpTransport(url: string): Transporter {
  // Short timeouts: a mail server that hangs must not hold a request (mail is sent after the response anyway).
  // They sit beside the url in one options object: a second argument would be message defaults, where
  // nodemailer never reads a timeout.
  transport ??= nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return transport;
}

/**
 * Sends a message through SMTP_URL. Without it, development writes the whole message to the server
 * log so a developer can follow the link; production writes only that a message was not sent: a
 * reset link in a production log would let anyone who reads the logs take over the account.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const env = serverEnv();
  if (env.SMTP_URL) {
    await smtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message });
    return;
  }
  if (env.NODE_ENV === 'production') {
    console.warn(`mail: SMTP_URL is not set, so "${message.subject}" was not sent (set SMTP_URL to send mail)`);
    return;
  }
  console.info(`mail (SMTP_URL unset, development only; not sent):\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`);
}
