import { getLocale, getTranslations } from 'next-intl/server';
import { CompanyProfileForm } from '@/components/company/profile-form';
import { CompanyName } from '@/components/names/company-name';
import { actorForPage } from '@/lib/auth/page-guard';
import { companyProfileSchema } from '@/lib/companies/profile-schema';
import { getCompanyForActor } from '@/lib/companies/profile';
import { db } from '@/lib/db';
import { titled } from '@/lib/i18n/page-title';
import { describeMunicipality } from '@/lib/reference/japan-municipalities';
import { listPrefectures } from '@/lib/reference/prefectures';
import { updateCompanyProfileAction } from '../actions';
import { badgeClass } from '@/components/ui/status-badge';

export const generateMetadata = titled('profile');

export default async function CompanyProfilePage() {
  const actor = await actorForPage('/company/profile', ['COMPANY_REP']);
  const company = await getCompanyForActor(db, actor, actor.companyId ?? '');
  const [t, locale, prefectures, municipalityName] = await Promise.all([
    getTranslations(), getLocale(), listPrefectures(db), describeMunicipality(db, company.municipalityCode),
  ]);
  // Only the fields the profile form edits: the schema's keys, taken from the stored company.
  const profile = Object.fromEntries(Object.keys(companyProfileSchema.shape).map((key) => [key, company[key as keyof typeof company]]));
  return (
    <section>
      <h1>{t('profile.title')}</h1>
      <p><CompanyName legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} /> · <span className={badgeClass('verification', company.verificationStatus)}>{t(`verification.${company.verificationStatus}`)}</span></p>
      <p>{t('profile.intro')}</p>
      <CompanyProfileForm
        companyId={company.id}
        version={company.version}
        profile={profile as Parameters<typeof CompanyProfileForm>[0]['profile']}
        municipalityName={municipalityName}
        prefectures={prefectures}
        locale={locale}
        action={updateCompanyProfileAction}
      />
    </section>
  );
}
