import nodemailer from 'nodemailer';
import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { env } from '../env';
import type { Locale } from '../generated/prisma/enums';
import { QUEUES, type JobData } from '../jobs/queue';
import { carriesOneTimeLink, redactOneTimeLinks } from './one-time-links';
import { composeRawEmail } from './outbox';

// Hands composed outbox messages to the SMTP server named by SMTP_URL. pg-boss retries a failed
// delivery with back-off; each attempt and its error are kept on the row. Once sent, a message
// carrying a one-time link keeps a copy without it: the link now lives only in the recipient's
// mailbox, not in a table an administrator or a backup can read.

export async function deliverEmail(db: Db, emailId: string, smtpUrl: string): Promise<void> {
  const email = await db.outboxEmail.findUnique({ where: { id: emailId } });
  if (!email || email.sentAt) return;
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail({ envelope: { from: env.EMAIL_FROM, to: email.toAddress }, raw: email.raw });
    await db.outboxEmail.update({ where: { id: emailId }, data: { sentAt: new Date(), deliveryAttempts: { increment: 1 }, lastError: null, ...(await redactedCopy(email)) } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.outboxEmail.update({ where: { id: emailId }, data: { deliveryAttempts: { increment: 1 }, lastError: message.slice(0, 1000) } });
    throw error;
  } finally {
    transport.close();
  }
}

async function redactedCopy(email: { kind: string; toAddress: string; locale: Locale; subject: string; text: string }) {
  if (!carriesOneTimeLink(email.kind)) return {};
  const text = redactOneTimeLinks(email.text);
  // Recomposed rather than edited: the raw body is quoted-printable, where a link may be split.
  const raw = await composeRawEmail({ kind: email.kind, to: email.toAddress, locale: email.locale, subject: email.subject, text });
  return { text, raw };
}

export async function startEmailWorker(db: Db, boss: PgBoss): Promise<void> {
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) return; // nothing to deliver to: the outbox table is the mailbox
  await boss.work<JobData[typeof QUEUES.emailDelivery]>(QUEUES.emailDelivery, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    await deliverEmail(db, job.data.emailId, smtpUrl);
  });
}
