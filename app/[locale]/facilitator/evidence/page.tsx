import { getTranslations } from 'next-intl/server';
import { EvidenceImportForm } from '@/components/evidence/evidence-import-form';
import { actorForPage } from '@/lib/auth/page-guard';
import { titled } from '@/lib/i18n/page-title';
import { importTenderEvidenceAction } from './actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('evidence.import');

export default async function EvidenceImportPage({ searchParams }: PageProps<'/[locale]/facilitator/evidence'>) {
  await actorForPage('/facilitator/evidence', ['FACILITATOR', 'ADMIN']);
  const needId = (await searchParams).needId;
  const t = await getTranslations('evidence.import');
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'evidence']}><EvidenceImportForm needId={typeof needId === 'string' ? needId : ''} action={importTenderEvidenceAction} /></ClientMessages>
    </section>
  );
}
