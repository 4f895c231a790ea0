import { getLocale, getTranslations } from 'next-intl/server';
import { CompanyProfileForm } from '@/components/company/profile-form';
import { CompanyName } from '@/components/names/company-name';
import { actorForPage } from '@/lib/auth/page-guard';
import { companyProfileSchema } from '@/lib/companies/profile-schema';
import { getCompanyForActor } from '@/lib/companies/profile';
import { db } from '@/lib/db';
import { Alert } from '@/components/ui/alert';
import { Link } from '@/lib/i18n/link';
import { titled } from '@/lib/i18n/page-title';
import { describeMunicipality } from '@/lib/reference/japan-municipalities';
import { POST_CONFLICT_COUNTRIES } from '@/lib/matching/prepare';
import { listPrefectures } from '@/lib/reference/prefectures';
import { updateCompanyProfileAction } from '../actions';
import { badgeClass } from '@/components/ui/status-badge';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('profile');

export default async function CompanyProfilePage() {
  const actor = await actorForPage('/company/profile', ['COMPANY_REP']);
  const company = await getCompanyForActor(db, actor, actor.companyId ?? '');
  const [t, locale, prefectures, municipalityName] = await Promise.all([
    getTranslations(), getLocale(), listPrefectures(db), describeMunicipality(db, company.municipalityCode),
  ]);
  // Only the fields the profile form edits: the schema's keys, taken from the stored company.
  const profile = Object.fromEntries(Object.keys(companyProfileSchema.shape).map((key) => [key, company[key as keyof typeof company]]));
  // Nothing written yet: "written in" starts at the language the person reads the site in.
  if (!company.description.trim()) profile.descriptionLanguage = locale;
  // Named here, not in the browser: its ICU names some countries differently (Palestine), and a
  // label that differs from the server's breaks hydration (React error #418).
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = [...POST_CONFLICT_COUNTRIES].map((code) => ({ code, name: regions.of(code) ?? code }));
  return (
    <section>
      <h1>{t('profile.title')}</h1>
      <p><CompanyName id={company.id} legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} /> · <span className={badgeClass('verification', company.verificationStatus)}>{t(`verification.${company.verificationStatus}`)}</span></p>
      {company.verificationStatus === 'REJECTED' ? (
        <Alert tone="warning" role="status" data-testid="profile-rejected">
          {t.rich('verificationState.profileRejected', { reason: company.rejectionReason ?? '', account: (chunks) => <Link href="/account">{chunks}</Link> })}
        </Alert>
      ) : null}
      <p>{t('profile.intro')}</p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'profile', 'industry', 'sector', 'capability', 'deliveryMode', 'stage', 'stageHint', 'riskAppetite', 'riskAppetiteExplained', 'tenderRequirement', 'signUpCompany', 'municipalityPicker']}><CompanyProfileForm
        companyId={company.id}
        version={company.version}
        profile={profile as Parameters<typeof CompanyProfileForm>[0]['profile']}
        municipalityName={municipalityName}
        prefectures={prefectures}
        countries={countries}
        action={updateCompanyProfileAction}
      /></ClientMessages>
    </section>
  );
}
