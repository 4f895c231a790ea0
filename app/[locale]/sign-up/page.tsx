import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export const generateMetadata = titled('signUp');

export default async function SignUpPage() {
  const t = await getTranslations('signUp');
  const nav = await getTranslations('nav');
  return (
    <section className="page-narrow">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul className="card-choices">
        <li>
          <Link href="/sign-up/company" className="card-choice">
            <strong>{t('asCompany')}</strong>
            <span>{t('asCompanyHint')}</span>
          </Link>
        </li>
        <li>
          <Link href="/sign-up/municipality" className="card-choice">
            <strong>{t('asMunicipality')}</strong>
            <span>{t('asMunicipalityHint')}</span>
          </Link>
        </li>
      </ul>
      <p className="secondary">{t('staffNote')}</p>
      <p>{t('haveAccount')} <Link href="/sign-in">{nav('signIn')}</Link></p>
    </section>
  );
}
