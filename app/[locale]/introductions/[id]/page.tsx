import { WrittenLink } from '@/components/content/written-link';
import { readOneForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import { notFound } from 'next/navigation';
import { PipelineStepForm } from '@/components/follow-through/pipeline-step-form';
import { CompanyName } from '@/components/names/company-name';
import { HromadaName } from '@/components/names/hromada-name';
import { Badge } from '@/components/ui/badge';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { FOLLOW_THROUGH_ROLES } from '@/lib/follow-through/access';
import { getFollowThrough } from '@/lib/follow-through/view';
import { isoDay, kyivDay } from '@/lib/hostility-list/calendar';
import { titled } from '@/lib/i18n/page-title';
import { Conversation } from '@/components/conversations/conversation';
import { HromadaContacts } from '@/components/conversations/hromada-contacts';
import { canTalk } from '@/lib/conversations/access';
import { listIntroductionMessages, messageTranslationEditors, municipalityContactsFor } from '@/lib/conversations/view';
import { saveTranslationAction } from '../../translations/actions';
import { postIntroductionMessageAction, recordPipelineStepAction } from '../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('followThrough');

/** What happened after an introduction: the steps recorded, and the form for the next one (the follow-up asks link here). */
export default async function FollowThroughPage({ params }: PageProps<'/[locale]/introductions/[id]'>) {
  const { id } = await params;
  const actor = await actorForPage(`/introductions/${id}`, FOLLOW_THROUGH_ROLES);
  const view = await getFollowThrough(db, actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<AppLocale>]);
  const [contacts, messages] = await Promise.all([
    municipalityContactsFor(db, actor, id),
    canTalk(actor) ? listIntroductionMessages(db, actor, id, locale) : null,
  ]);
  const editors = messages ? await messageTranslationEditors(db, actor, messages) : new Map();
  const title = await readOneForReader(db, needTitle(view.need), locale);
  const day = (iso: string) => formatDay(new Date(`${iso}T00:00:00Z`), locale);
  return (
    <>
      <h1>{t('followThrough.title')}</h1>
      <p className="flex flex-wrap items-center gap-1.5">
        <WrittenLink href={`/needs/${view.need.id}`} value={title} /> ·{' '}
        <HromadaName nameUk={view.need.hromada.nameUk} nameEn={view.need.hromada.nameEn} /> ·{' '}
        <CompanyName id={view.company.id} legalNameJa={view.company.legalNameJa} legalNameEn={view.company.legalNameEn} />
      </p>
      <p className="text-sm text-muted">{t('followThrough.introducedOn', { date: day(view.introducedOn) })}</p>
      {contacts ? <HromadaContacts contacts={contacts} /> : null}
      <p className="max-w-3xl">{t('followThrough.intro')}</p>
      {view.steps.length === 0 ? <p className="text-muted">{t('followThrough.none')}</p> : (
        <ol className="m-0 grid list-none gap-3 p-0" data-testid="pipeline-steps">
          {view.steps.map((step) => (
            <li key={step.step} className="rounded-lg border border-line bg-paper px-4 py-3" data-testid="pipeline-step">
              <p className="m-0 flex flex-wrap items-center gap-2">
                <strong>{t(`followThrough.steps.${step.step}`)}</strong>
                {step.tenderId ? <code className="break-all">{step.tenderSource === 'PROZORRO' ? 'Prozorro' : 'DREAM'} {step.tenderId}</code> : null}
                {step.linkedEvidence ? <Badge tone="success">{t('followThrough.linkedEvidence')}</Badge> : null}
              </p>
              <p className="m-0 text-sm text-muted">
                {t('followThrough.recordedBy', { date: day(step.occurredOn), name: `${step.recordedBy} (${t(`followThrough.roles.${step.recordedByRole}`)})` })}
              </p>
              {step.note ? <p className="mt-1 mb-0 whitespace-pre-wrap">{step.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {view.nextStep
        ? <ClientMessages namespaces={[...FORM_NAMESPACES, 'followThrough']}><PipelineStepForm introductionId={view.id} step={view.nextStep} today={isoDay(kyivDay())} action={recordPipelineStepAction} /></ClientMessages>
        : <p>{t('followThrough.done')}</p>}
      {messages ? <Conversation introductionId={view.id} messages={messages} editors={editors} postAction={postIntroductionMessageAction} translateAction={saveTranslationAction} /> : null}
    </>
  );
}
