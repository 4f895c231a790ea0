import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { VerificationDecision } from '@/components/facilitator/verification-decision';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { listPendingVerifications } from '@/lib/verification/verify-organisation';
import { verifyOrganisationAction } from './actions';

export const generateMetadata = titled('verifications');

export default async function VerificationsPage() {
  const actor = await actorForPage('/facilitator/verifications', ['FACILITATOR', 'ADMIN']);
  const pending = await listPendingVerifications(db, actor);
  const t = await getTranslations('verifications');
  const decide = (kind: 'company' | 'municipality', id: string, version: number, name: string) => (
    <VerificationDecision target={{ kind, id, expectedVersion: version, name }} action={verifyOrganisationAction} />
  );
  const resubmission = (row: { rejectionReason: string | null; resubmittedAt: Date | null; resubmissionNote: string | null }) =>
    row.resubmittedAt ? (
      <div className="secondary" data-testid="resubmission">
        {t('resubmitted')}{row.rejectionReason ? <> {t('earlierReason', { reason: row.rejectionReason })}</> : null}
        {row.resubmissionNote ? <blockquote>{row.resubmissionNote}</blockquote> : null}
      </div>
    ) : null;
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('companies')}</h2>
      {pending.companies.length === 0 ? <p className="empty">{t('none')}</p> : (
        <table className="table">
          <thead><tr><th scope="col">{t('companies')}</th><th scope="col">{t('corporateNumber')}</th><th scope="col">{t('contact')}</th><th scope="col">{t('since')}</th><th scope="col"><span className="visually-hidden">{t('verify')}</span></th></tr></thead>
          <tbody>
            {pending.companies.map((company) => (
              <tr key={company.id}>
                <td><span lang="ja">{company.legalNameJa}</span><div className="secondary">{company.legalNameEn} · {company.cityEn}, {company.prefecture.nameEn}</div>{resubmission(company)}</td>
                <td>{company.corporateNumber}</td>
                <td>{company.contactName}<div className="secondary">{company.contactEmail}</div></td>
                <td>{company.createdAt.toISOString().slice(0, 10)}</td>
                <td>{decide('company', company.id, company.version, company.legalNameJa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('municipalities')}</h2>
      {pending.municipalities.length === 0 ? <p className="empty">{t('none')}</p> : (
        <table className="table">
          <thead><tr><th scope="col">{t('municipalities')}</th><th scope="col">{t('contact')}</th><th scope="col">{t('since')}</th><th scope="col"><span className="visually-hidden">{t('verify')}</span></th></tr></thead>
          <tbody>
            {pending.municipalities.map((municipality) => (
              <tr key={municipality.id}>
                <td><span lang="uk">{municipality.hromada.nameUk}</span><div className="secondary">{municipality.hromada.nameEn} · {municipality.hromada.oblast.nameEn}</div>{resubmission(municipality)}</td>
                <td>{municipality.contactName}<div className="secondary">{municipality.contactEmail}</div></td>
                <td>{municipality.createdAt.toISOString().slice(0, 10)}</td>
                <td>{decide('municipality', municipality.id, municipality.version, municipality.hromada.nameUk)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
