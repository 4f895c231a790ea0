import nodemailer from 'nodemailer';
import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { env } from '../env';
import { QUEUES, type JobData } from '../jobs/queue';

// Hands composed outbox messages to the SMTP server named by SMTP_URL. pg-boss retries a failed
// delivery with back-off; each attempt and its error are kept on the row.

export async function deliverEmail(db: Db, emailId: string, smtpUrl: string): Promise<void> {
  const email = await db.outboxEmail.findUnique({ where: { id: emailId } });
  if (!email || email.sentAt) return;
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    await transport.sendMail({ envelope: { from: env.EMAIL_FROM, to: email.toAddress }, raw: email.raw });
    await db.outboxEmail.update({ where: { id: emailId }, data: { sentAt: new Date(), deliveryAttempts: { increment: 1 }, lastError: null } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.outboxEmail.update({ where: { id: emailId }, data: { deliveryAttempts: { increment: 1 }, lastError: message.slice(0, 1000) } });
    throw error;
  } finally {
    transport.close();
  }
}

export async function startEmailWorker(db: Db, boss: PgBoss): Promise<void> {
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) return; // nothing to deliver to: the outbox table is the mailbox
  await boss.work<JobData[typeof QUEUES.emailDelivery]>(QUEUES.emailDelivery, { pollingIntervalSeconds: 2, batchSize: 1 }, async ([job]) => {
    await deliverEmail(db, job.data.emailId, smtpUrl);
  });
}
