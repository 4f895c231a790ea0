import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { TranslationForm } from '@/components/content/translation-form';
import { DateOf } from '@/components/time/when';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { controlClass } from '@/components/ui/input';
import { Pagination } from '@/components/ui/pagination';
import { actorForPage } from '@/lib/auth/page-guard';
import { listTranslationQueue } from '@/lib/content/translation-queue';
import { translatableField } from '@/lib/content/translation-schema';
import { db } from '@/lib/db';
import { Locale } from '@/lib/generated/prisma/enums';
import { Link } from '@/lib/i18n/link';
import { getPathname } from '@/lib/i18n/navigation';
import { titled } from '@/lib/i18n/page-title';
import { pageSchema } from '@/lib/pagination';
import { saveTranslationAction } from '../../translations/actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('content.queue');

/** `?into=` from the URL: one of the languages, anything else means all of them. */
const intoSchema = z.enum(Locale).optional().catch(undefined);

/** Texts readers see that lack a translation into one of the three languages, oldest first, each with its editor. */
export default async function TranslationQueuePage({ searchParams }: PageProps<'/[locale]/facilitator/translations'>) {
  const actor = await actorForPage('/facilitator/translations', ['FACILITATOR', 'ADMIN']);
  const params = await searchParams;
  const page = pageSchema.parse(params.page);
  const into = intoSchema.parse(params.into);
  const [queue, t, all, locale] = await Promise.all([listTranslationQueue(db, actor, { page, into }), getTranslations('content'), getTranslations(), getLocale()]);
  const query = (next: number) => `/facilitator/translations?${new URLSearchParams({ ...(into ? { into } : {}), page: String(next) })}`;
  return (
    <>
      <h1>{t('queue.title')}</h1>
      <p className="max-w-3xl">{t('queue.intro')}</p>
      <form method="get" action={getPathname({ href: '/facilitator/translations', locale })} className="my-3 flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <label htmlFor="into" className="font-semibold">{t('queue.into')}</label>
          <select id="into" name="into" defaultValue={into ?? ''} className={controlClass}>
            <option value="">{t('queue.allLanguages')}</option>
            {Object.values(Locale).map((code) => <option key={code} value={code} lang={code}>{all(`locales.${code}`)}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonVariants({ variant: 'secondary' })}>{t('queue.show')}</button>
      </form>
      <p role="status">{t('queue.count', { count: queue.total })}</p>
      {queue.items.length === 0 ? <p className="text-muted">{t('queue.none')}</p> : (
        <ol className="m-0 grid list-none gap-4 p-0">
          {queue.items.map((item) => {
            const written = { subject: item.subject, subjectId: item.subjectId, field: item.field, text: item.text, language: item.language };
            const slot = { locale: item.locale, text: item.translation?.text ?? '', version: item.translation?.version ?? null, origin: item.translation?.origin ?? null, outdated: item.translation !== null };
            return (
              <li key={`${item.subject}:${item.subjectId}:${item.field}:${item.locale}`} className="grid min-w-0 gap-2 rounded-lg border border-line bg-paper px-4 py-3" data-testid="translation-queue-item">
                <p className="m-0 flex flex-wrap items-center gap-2 text-sm">
                  <strong>{t(`queue.subject.${item.subject}`)} · {t(`field.${item.field}`)}</strong>
                  <span className="text-muted">{t('queue.writtenIn', { language: item.language })} · <DateOf value={item.writtenAt} /></span>
                  {item.translation ? <Badge tone="warning">{t('outdated')}</Badge> : <Badge tone="info">{t('queue.missing', { language: item.locale })}</Badge>}
                  <Link href={item.link}>{t('queue.open')}</Link>
                </p>
                <blockquote lang={item.language} className="m-0 border-l-4 border-line pl-3 whitespace-pre-wrap">{item.text}</blockquote>
                <ClientMessages namespaces={[...FORM_NAMESPACES]}><TranslationForm
                  written={written}
                  slot={slot}
                  multiLine={translatableField(item.subject, item.field)?.multiLine ?? true}
                  label={t('editor.into', { language: item.locale })}
                  action={saveTranslationAction}
                /></ClientMessages>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} href={query} />
    </>
  );
}
