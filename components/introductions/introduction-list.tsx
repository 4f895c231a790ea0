import { getLocale, getTranslations } from 'next-intl/server';
import { readForReader } from '@/lib/content/read-for-reader';
import { introductionMessage, needTitle } from '@/lib/content/written';
import { db } from '@/lib/db';
import type { AppLocale } from '@/lib/i18n/routing';
import type { IntroductionView } from '@/lib/match-decisions/introductions';
import { Link } from '@/lib/i18n/link';
import { WrittenLink } from '../content/written-link';
import { WrittenText } from '../content/written-text';
import { CompanyName } from '../names/company-name';
import { HromadaName } from '../names/hromada-name';
import { DateOf } from '../time/when';

/** The introductions a party received: who, about which need, how to reach them, and the note. */
export async function IntroductionList({ introductions, side }: { introductions: IntroductionView[]; side: 'company' | 'municipality' }) {
  const [t, locale] = await Promise.all([getTranslations('introductions'), getLocale() as Promise<AppLocale>]);
  if (introductions.length === 0) return <p className="text-muted">{t('none')}</p>;
  // Titles and messages in the reader's language, one query for the list.
  const readable = await readForReader(db, introductions.flatMap((introduction) => [needTitle(introduction.need), introductionMessage(introduction)]), locale);
  return (
    <ul className="grid gap-2.5 pl-5">
      {introductions.map((introduction, index) => {
        const [title, message] = [readable[2 * index]!, readable[2 * index + 1]!];
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
              — <WrittenLink href={`/needs/${need.id}`} value={title} />{' '}
              <span className="text-sm text-muted"><DateOf value={introduction.createdAt} /></span>
            </p>
            <p>
              {t('contact')}: {contact.contactName} · <a href={`mailto:${contact.contactEmail}`}>{contact.contactEmail}</a>
              {contact.contactPhone ? <> · {contact.contactPhone}</> : null}
            </p>
            {introduction.message ? <WrittenText value={message} as="blockquote" /> : null}
            <p><Link href={`/introductions/${introduction.id}`}>{t('followThrough')}</Link></p>
          </li>
        );
      })}
    </ul>
  );
}
