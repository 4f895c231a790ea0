import { getTranslations } from 'next-intl/server';
import { NeedForm } from '@/components/needs/need-form';
import { actorForPage } from '@/lib/auth/page-guard';
import { titled } from '@/lib/i18n/page-title';
import { createNeedAction } from '../../actions';

export const generateMetadata = titled('needForm');

export default async function NewNeedPage() {
  await actorForPage('/municipality/needs/new', ['MUNICIPALITY_REP']);
  const t = await getTranslations('needForm');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <NeedForm action={createNeedAction} />
    </section>
  );
}
