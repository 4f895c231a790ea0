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
import { recordPipelineStepAction } from '../actions';

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
  const title = await readOneForReader(db, needTitle(view.need), locale);
  const day = (iso: string) => formatDay(new Date(`${iso}T00:00:00Z`), locale);
  return (
    <>
      <h1>{t('followThrough.title')}</h1>
      <p className="flex flex-wrap items-center gap-1.5">
        <WrittenLink href={`/needs/${view.need.id}`} value={title} /> ·{' '}
        <HromadaName nameUk={view.need.hromada.nameUk} nameEn={view.need.hromada.nameEn} /> ·{' '}
        <CompanyName legalNameJa={view.company.legalNameJa} legalNameEn={view.company.legalNameEn} />
      </p>
      <p className="text-sm text-muted">{t('followThrough.introducedOn', { date: day(view.introducedOn) })}</p>
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
        ? <PipelineStepForm introductionId={view.id} step={view.nextStep} today={isoDay(kyivDay())} action={recordPipelineStepAction} />
        : <p>{t('followThrough.done')}</p>}
    </>
  );
}
