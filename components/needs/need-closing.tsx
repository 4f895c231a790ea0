import { getLocale, getTranslations } from 'next-intl/server';
import { readOneForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import type { Actor } from '@/lib/auth/actor';
import type { ActionResult } from '@/lib/actions/run';
import { db } from '@/lib/db';
import type { Locale, NeedCloseReason, NeedStatus } from '@/lib/generated/prisma/enums';
import type { AppLocale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/link';
import { listDuplicateCandidates } from '@/lib/needs/close-need';
import { CloseNeedDialog } from './close-need-dialog';
import { ReopenNeedButton } from './reopen-need-button';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * Why a closed need was closed (and the need it duplicates), and for its municipality and
 * facilitators the way to close it with a reason or to reopen it.
 */
export async function NeedClosing({ need, actor, canManage, closeAction, reopenAction }: {
  need: { id: string; version: number; status: NeedStatus; closeReason: NeedCloseReason | null; duplicateOf: { id: string; title: string; language: Locale } | null };
  actor: Actor | null;
  canManage: boolean;
  closeAction: Action;
  reopenAction: Action;
}) {
  const [t, reasons] = await Promise.all([getTranslations('needClose'), getTranslations('needCloseReason')]);
  if (need.status === 'CLOSED') {
    // Named inside a sentence: the title in the reader's language, without a marker.
    const duplicateTitle = need.duplicateOf ? (await readOneForReader(db, needTitle(need.duplicateOf), (await getLocale()) as AppLocale)).text : '';
    return (
      <div className="grid gap-2" data-testid="need-closed">
        <p role="status" className="m-0">
          {need.closeReason ? t('closedBecause', { reason: reasons(need.closeReason) }) : t('closedNoReason')}
          {need.duplicateOf ? <> {t.rich('duplicateOfLink', { link: (chunks) => <Link href={`/needs/${need.duplicateOf!.id}`}>{chunks}</Link>, title: duplicateTitle })}</> : null}
        </p>
        {canManage ? <div><ClientMessages namespaces={[...FORM_NAMESPACES, 'needClose', 'needCloseReason', 'needCloseReasonHint']}><ReopenNeedButton needId={need.id} expectedVersion={need.version} action={reopenAction} /></ClientMessages></div> : null}
      </div>
    );
  }
  if (need.status !== 'OPEN' || !canManage || !actor) return null;
  const candidates = await listDuplicateCandidates(db, actor, need.id);
  return <ClientMessages namespaces={[...FORM_NAMESPACES, 'needClose', 'needCloseReason', 'needCloseReasonHint']}><CloseNeedDialog needId={need.id} expectedVersion={need.version} candidates={candidates} action={closeAction} /></ClientMessages>;
}
