import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const env = vi.hoisted(() => ({ current: {} as Record<string, string | undefined> }));
vi.mock('@/lib/env', () => ({ serverEnv: () => env.current }));

const message = { to: 'fay@example.test', subject: 'Set a new password', text: 'Open https://casewise.example/reset-password?token=abc' };

/** The module keeps one transport per process: each test loads it afresh for its own SMTP_URL. */
async function loadSendMail(url: string) {
  env.current = { SMTP_URL: url, MAIL_FROM: 'Casewise <no-reply@casewise.invalid>', NODE_ENV: 'production' };
  vi.resetModules();
  return (await import('./send-mail')).sendMail;
}

async function listen(server: { listen(port: number, host: string, done: () => void): unknown }, address: () => net.AddressInfo) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return address().port;
}

describe('sending mail through SMTP_URL (nodemailer)', () => {
  const closers: (() => Promise<void>)[] = [];
  beforeEach(() => {
    closers.length = 0;
  });
  afterEach(async () => {
    for (const close of closers) await close();
  });

  it('delivers the message to the server in the url, from MAIL_FROM', async () => {
    const received: { from: string; to: string[]; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    const port = await listen(smtp, () => smtp.server.address() as net.AddressInfo);
    closers.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

    const sendMail = await loadSendMail(`smtp://127.0.0.1:${port}`);
    await sendMail(message);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'no-reply@casewise.invalid', to: ['fay@example.test'] });
    expect(received[0]!.raw).toContain('Subject: Set a new password');
    expect(received[0]!.raw).toContain('reset-password?token=abc');
  });

  it('gives up on a server that accepts the connection and never greets, rather than hang for nodemailer’s 30 s default', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    const port = await listen(silent, () => silent.address() as net.AddressInfo);
    closers.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    const sendMail = await loadSendMail(`smtp://127.0.0.1:${port}`);
    await expect(sendMail(message)).rejects.toThrow(/greeting/i);
    expect(sockets).toHaveLength(1);
  });
});
