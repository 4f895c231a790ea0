import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { listPendingVerifications } from '@/lib/verification/verify-organisation';
import { verifyOrganisationAction } from './actions';
import { buttonVariants } from '@/components/ui/button';
import { tableClass } from '@/components/ui/table';

export const generateMetadata = titled('verifications');

export default async function VerificationsPage() {
  const actor = await actorForPage('/facilitator/verifications', ['FACILITATOR', 'ADMIN']);
  const pending = await listPendingVerifications(db, actor);
  const t = await getTranslations('verifications');
  const decide = (kind: 'company' | 'municipality', id: string, version: number) => (
    <>
      <ActionButton action={verifyOrganisationAction} input={{ kind, id, decision: 'VERIFIED', expectedVersion: version }} className={buttonVariants({ size: 'sm' })}>{t('verify')}</ActionButton>{' '}
      <ActionButton action={verifyOrganisationAction} input={{ kind, id, decision: 'REJECTED', expectedVersion: version }} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>{t('reject')}</ActionButton>
    </>
  );
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
                <td data-label={t('companies')}><span lang="ja">{company.legalNameJa}</span><div className="text-sm text-muted">{company.legalNameEn} · {company.cityEn}, {company.prefecture.nameEn}</div></td>
                <td data-label={t('corporateNumber')}>{company.corporateNumber}</td>
                <td data-label={t('contact')}>{company.contactName}<div className="text-sm text-muted">{company.contactEmail}</div></td>
                <td data-label={t('since')}>{company.createdAt.toISOString().slice(0, 10)}</td>
                <td data-label={t('verify')}>{decide('company', company.id, company.version)}</td>
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
                <td data-label={t('municipalities')}><span lang="uk">{municipality.hromada.nameUk}</span><div className="text-sm text-muted">{municipality.hromada.nameEn} · {municipality.hromada.oblast.nameEn}</div></td>
                <td data-label={t('contact')}>{municipality.contactName}<div className="text-sm text-muted">{municipality.contactEmail}</div></td>
                <td data-label={t('since')}>{municipality.createdAt.toISOString().slice(0, 10)}</td>
                <td data-label={t('verify')}>{decide('municipality', municipality.id, municipality.version)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
