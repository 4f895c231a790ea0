import { getTranslations } from 'next-intl/server';
import { EvidenceImportForm } from '@/components/evidence/evidence-import-form';
import { actorForPage } from '@/lib/auth/page-guard';
import { titled } from '@/lib/i18n/page-title';
import { importTenderEvidenceAction } from './actions';

export const generateMetadata = titled('evidence.import');

export default async function EvidenceImportPage({ searchParams }: PageProps<'/[locale]/facilitator/evidence'>) {
  await actorForPage('/facilitator/evidence', ['FACILITATOR', 'ADMIN']);
  const needId = (await searchParams).needId;
  const t = await getTranslations('evidence.import');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <EvidenceImportForm needId={typeof needId === 'string' ? needId : ''} action={importTenderEvidenceAction} />
    </section>
  );
}
