import { titled } from '@/lib/i18n/page-title';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/link';

export const generateMetadata = titled('signUp');

export default async function SignUpPage() {
  const t = await getTranslations('signUp');
  const nav = await getTranslations('nav');
  return (
    <section className="max-w-2xl">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-[repeat(auto-fit,minmax(16rem,1fr))]">
        <li>
          <Link href="/sign-up/company" className="grid gap-1.5 rounded-lg border border-line bg-paper p-5 text-ink no-underline hover:border-accent hover:text-ink [&_strong]:text-lg [&_strong]:text-accent">
            <strong>{t('asCompany')}</strong>
            <span>{t('asCompanyHint')}</span>
          </Link>
        </li>
        <li>
          <Link href="/sign-up/municipality" className="grid gap-1.5 rounded-lg border border-line bg-paper p-5 text-ink no-underline hover:border-accent hover:text-ink [&_strong]:text-lg [&_strong]:text-accent">
            <strong>{t('asMunicipality')}</strong>
            <span>{t('asMunicipalityHint')}</span>
          </Link>
        </li>
      </ul>
      <p className="text-sm text-muted">{t('staffNote')}</p>
      <p>{t('haveAccount')} <Link href="/sign-in">{nav('signIn')}</Link></p>
    </section>
  );
}
