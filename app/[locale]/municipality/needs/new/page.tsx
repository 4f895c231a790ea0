import { getTranslations } from 'next-intl/server';
import { NeedForm } from '@/components/needs/need-form';
import { SiteNotice } from '@/components/needs/site-notice';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { titled } from '@/lib/i18n/page-title';
import { getOwnSiteListing } from '@/lib/needs/manage-needs';
import { createNeedAction } from '../../actions';

export const generateMetadata = titled('needForm');

export default async function NewNeedPage() {
  const actor = await actorForPage('/municipality/needs/new', ['MUNICIPALITY_REP']);
  const [t, listing] = await Promise.all([getTranslations('needForm'), getOwnSiteListing(db, actor)]);
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <SiteNotice listing={listing} />
      <NeedForm action={createNeedAction} />
    </section>
  );
}
