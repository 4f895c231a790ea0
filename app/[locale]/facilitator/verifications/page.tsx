import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { listPendingVerifications } from '@/lib/verification/verify-organisation';
import { verifyOrganisationAction } from './actions';
import { DateOf } from '@/components/time/when';

export const generateMetadata = titled('verifications');

export default async function VerificationsPage() {
  const actor = await actorForPage('/facilitator/verifications', ['FACILITATOR', 'ADMIN']);
  const pending = await listPendingVerifications(db, actor);
  const t = await getTranslations('verifications');
  const decide = (kind: 'company' | 'municipality', id: string, version: number) => (
    <>
      <ActionButton action={verifyOrganisationAction} input={{ kind, id, decision: 'VERIFIED', expectedVersion: version }} className="button primary small">{t('verify')}</ActionButton>{' '}
      <ActionButton action={verifyOrganisationAction} input={{ kind, id, decision: 'REJECTED', expectedVersion: version }} className="button small">{t('reject')}</ActionButton>
    </>
  );
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
                <td><span lang="ja">{company.legalNameJa}</span><div className="secondary">{company.legalNameEn} · {company.cityEn}, {company.prefecture.nameEn}</div></td>
                <td>{company.corporateNumber}</td>
                <td>{company.contactName}<div className="secondary">{company.contactEmail}</div></td>
                <td><DateOf value={company.createdAt} /></td>
                <td>{decide('company', company.id, company.version)}</td>
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
                <td><span lang="uk">{municipality.hromada.nameUk}</span><div className="secondary">{municipality.hromada.nameEn} · {municipality.hromada.oblast.nameEn}</div></td>
                <td>{municipality.contactName}<div className="secondary">{municipality.contactEmail}</div></td>
                <td><DateOf value={municipality.createdAt} /></td>
                <td>{decide('municipality', municipality.id, municipality.version)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
