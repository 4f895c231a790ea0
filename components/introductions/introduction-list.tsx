import { getTranslations } from 'next-intl/server';
import type { IntroductionView } from '@/lib/match-decisions/introductions';
import { Link } from '@/lib/i18n/navigation';
import { CompanyName } from '../names/company-name';
import { HromadaName } from '../names/hromada-name';
import { DateOf } from '../time/when';

/** The introductions a party received: who, about which need, how to reach them, and the note. */
export async function IntroductionList({ introductions, side }: { introductions: IntroductionView[]; side: 'company' | 'municipality' }) {
  const t = await getTranslations('introductions');
  if (introductions.length === 0) return <p className="text-muted">{t('none')}</p>;
  return (
    <ul className="grid gap-2.5 pl-5">
      {introductions.map((introduction) => {
        const { need, company } = introduction;
        const contact = side === 'company' ? need.municipality : company;
        return (
          <li key={introduction.id} data-testid="introduction">
            <p>
              <strong>
                {side === 'company'
                  ? <HromadaName nameUk={need.hromada.nameUk} nameEn={need.hromada.nameEn} />
                  : <CompanyName id={company.id} legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} />}
              </strong>{' '}
              — <Link href={`/needs/${need.id}`}>{need.title}</Link>{' '}
              <span className="text-sm text-muted"><DateOf value={introduction.createdAt} /></span>
            </p>
            <p>
              {t('contact')}: {contact.contactName} · <a href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a>
              {contact.contactPhone ? <> · {contact.contactPhone}</> : null}
            </p>
            {introduction.message ? <blockquote>{introduction.message}</blockquote> : null}
            <p><Link href={`/introductions/${introduction.id}`}>{t('followThrough')}</Link></p>
          </li>
        );
      })}
    </ul>
  );
}
