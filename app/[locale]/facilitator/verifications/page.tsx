import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { VerificationDecision } from '@/components/facilitator/verification-decision';
import { Badge } from '@/components/ui/badge';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { listPendingVerifications } from '@/lib/verification/verify-organisation';
import { verifyOrganisationAction } from './actions';
import { tableClass } from '@/components/ui/table';
import { DateOf } from '@/components/time/when';
import { Link } from '@/lib/i18n/link';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('verifications');

export default async function VerificationsPage() {
  const actor = await actorForPage('/facilitator/verifications', ['FACILITATOR', 'ADMIN']);
  const pending = await listPendingVerifications(db, actor);
  const t = await getTranslations('verifications');
  const decide = (kind: 'company' | 'municipality', id: string, version: number, name: string) => (
    <ClientMessages namespaces={[...FORM_NAMESPACES, 'verifications', 'rejectionCategory']}><VerificationDecision target={{ kind, id, expectedVersion: version, name }} action={verifyOrganisationAction} /></ClientMessages>
  );
  // A resubmitted organisation shows what was wrong before and what its members say they fixed.
  const resubmission = (row: { rejectionReason: string | null; resubmittedAt: Date | null; resubmissionNote: string | null }) =>
    row.resubmittedAt ? (
      <div className="mt-1 text-sm" data-testid="resubmission">
        <Badge tone="warning">{t('resubmitted')}</Badge>
        {row.rejectionReason ? <p className="m-0 text-muted">{t('earlierReason', { reason: row.rejectionReason })}</p> : null}
        {row.resubmissionNote ? <blockquote className="m-0 border-l-4 border-line pl-2 whitespace-pre-line">{row.resubmissionNote}</blockquote> : null}
      </div>
    ) : null;
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('companies')}</h2>
      {pending.companies.length === 0 ? <p className="text-muted">{t('none')}</p> : (
        <table className={tableClass}>
          <thead><tr><th scope="col">{t('companies')}</th><th scope="col">{t('corporateNumber')}</th><th scope="col">{t('contact')}</th><th scope="col">{t('since')}</th><th scope="col"><span className="sr-only">{t('verify')}</span></th></tr></thead>
          <tbody>
            {pending.companies.map((company) => (
              <tr key={company.id}>
                <td data-label={t('companies')}><Link href={`/companies/${company.id}`} lang="ja">{company.legalNameJa}</Link><div className="text-sm text-muted">{company.legalNameEn} · {company.cityEn}, {company.prefecture.nameEn}</div>{resubmission(company)}</td>
                <td data-label={t('corporateNumber')}>{company.corporateNumber}</td>
                <td data-label={t('contact')}>{company.contactName}<div className="text-sm text-muted">{company.contactEmail}</div></td>
                <td data-label={t('since')}><DateOf value={company.createdAt} /></td>
                <td data-label={t('verify')}>{decide('company', company.id, company.version, company.legalNameJa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('municipalities')}</h2>
      {pending.municipalities.length === 0 ? <p className="text-muted">{t('none')}</p> : (
        <table className={tableClass}>
          <thead><tr><th scope="col">{t('municipalities')}</th><th scope="col">{t('contact')}</th><th scope="col">{t('since')}</th><th scope="col"><span className="sr-only">{t('verify')}</span></th></tr></thead>
          <tbody>
            {pending.municipalities.map((municipality) => (
              <tr key={municipality.id}>
                <td data-label={t('municipalities')}><span lang="uk">{municipality.hromada.nameUk}</span><div className="text-sm text-muted">{municipality.hromada.nameEn} · {municipality.hromada.oblast.nameEn}</div>{resubmission(municipality)}</td>
                <td data-label={t('contact')}>{municipality.contactName}<div className="text-sm text-muted">{municipality.contactEmail}</div></td>
                <td data-label={t('since')}><DateOf value={municipality.createdAt} /></td>
                <td data-label={t('verify')}>{decide('municipality', municipality.id, municipality.version, municipality.hromada.nameUk)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
