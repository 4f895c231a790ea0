import type { Prisma } from '../../generated/prisma/client';
import { publishNotices } from '../publish';
import { needTitleRef } from '../written-params';
import { hromadaName } from './names';

// A need its followers watch changed or closed, told in the transaction of the change. The need's
// version names the event: each edit is news once, however often the request is retried.

type Tx = Prisma.TransactionClient;

export async function noticesForNeedChange(tx: Tx, needId: string, change: 'changed' | 'closed', version: number): Promise<void> {
  const need = await tx.need.findUniqueOrThrow({
    where: { id: needId },
    select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } }, followers: { select: { userId: true, user: { select: { role: true } } } } },
  });
  const kind = change === 'closed' ? 'followedNeedClosed' : 'followedNeedChanged';
  await publishNotices(
    tx,
    need.followers
      .filter((follower) => follower.user.role === 'COMPANY_REP')
      .map((follower) => ({
        userId: follower.userId, kind, dedupeKey: `${kind}:${needId}:${version}`, link: `/needs/${needId}`, needId,
        params: { needTitle: need.title, hromada: hromadaName(need.hromada), written: { needTitle: needTitleRef(need) } },
      })),
  );
}
