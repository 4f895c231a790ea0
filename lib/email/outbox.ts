import nodemailer from 'nodemailer';
import { env } from '../env';
import type { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';
import { QUEUES } from '../jobs/queue';
import { enqueue } from '../match-store/enqueue';

// The transactional outbox: an email is a row written in the same transaction as the change
// that causes it (a reset token, a verification), so neither exists without the other. The row
// holds the complete RFC 5322 message nodemailer composed. With SMTP_URL set, a job delivers it
// after commit; without, the row is the local outbox developers and tests read.

export type EmailMessage = {
  kind: string;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  /** A simple HTML alternative (notices, digests): no remote images, no scripts. */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
};

// Composes without sending: nodemailer's stream transport returns the message it would send.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

export async function composeRawEmail(message: EmailMessage): Promise<string> {
  const info = await composer.sendMail({
    from: env.EMAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    headers: { ...message.headers, 'Content-Language': message.locale, 'X-Kakehashi-Kind': message.kind },
  });
  return (info.message as Buffer).toString('utf8');
}

export async function queueEmail(tx: Prisma.TransactionClient, message: EmailMessage): Promise<string> {
  const raw = await composeRawEmail(message);
  const row = await tx.outboxEmail.create({
    data: { kind: message.kind, toAddress: message.to, locale: message.locale, subject: message.subject, text: message.text, html: message.html ?? null, raw },
    select: { id: true },
  });
  if (env.SMTP_URL) await enqueue(tx, QUEUES.emailDelivery, { emailId: row.id }, row.id);
  return row.id;
}
