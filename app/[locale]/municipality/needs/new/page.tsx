import { getTranslations } from 'next-intl/server';
import { NeedForm } from '@/components/needs/need-form';
import { SiteNotice } from '@/components/needs/site-notice';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { titled } from '@/lib/i18n/page-title';
import { getOwnSiteListing } from '@/lib/needs/manage-needs';
import { createNeedAction } from '../../actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('needForm');

export default async function NewNeedPage() {
  const actor = await actorForPage('/municipality/needs/new', ['MUNICIPALITY_REP']);
  const [t, listing] = await Promise.all([getTranslations('needForm'), getOwnSiteListing(db, actor)]);
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <SiteNotice listing={listing} />
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'needForm', 'procurementMethod', 'sector', 'stage', 'urgency', 'fundingSource', 'needs', 'stageHint', 'capability']}><NeedForm action={createNeedAction} /></ClientMessages>
    </section>
  );
}
