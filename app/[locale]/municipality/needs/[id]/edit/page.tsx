import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { NeedForm } from '@/components/needs/need-form';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { titled } from '@/lib/i18n/page-title';
import { getNeedForActor } from '@/lib/needs/manage-needs';
import { needFieldsSchema, type NeedFields } from '@/lib/needs/need-schema';
import { updateNeedAction } from '../../../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('needEdit');

export default async function EditNeedPage({ params }: PageProps<'/[locale]/municipality/needs/[id]/edit'>) {
  const { id } = await params;
  const actor = await actorForPage(`/municipality/needs/${id}/edit`, ['MUNICIPALITY_REP']);
  const need = await getNeedForActor(db, actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  if (need.municipalityId !== actor.municipalityId || need.status === 'CLOSED') notFound();
  const t = await getTranslations('needEdit');
  const fields = Object.fromEntries(Object.keys(needFieldsSchema.shape).map((key) => [key, need[key as keyof typeof need]]));
  return (
    <section>
      <h1>{t('title')}</h1>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'needForm', 'procurementMethod', 'sector', 'stage', 'urgency', 'fundingSource', 'needs', 'stageHint', 'capability']}><NeedForm
        need={{ ...(fields as NeedFields), budgetAmount: need.budgetAmount === null ? null : Number(need.budgetAmount) }}
        needId={need.id}
        version={need.version}
        action={updateNeedAction}
      /></ClientMessages>
    </section>
  );
}
