import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import { Badge } from '@/components/ui/badge';

type Answer = { response: 'WELCOMED' | 'DECLINED' | null; responseReason: string; responseLanguage: string | null; respondedAt: Date | null };

/** The hromada's answer to an interest: a badge for the hromada and staff, a sentence for the company; the reason below. */
export async function InterestAnswer({ answer, reader }: { answer: Answer; reader: 'company' | 'hromada' }) {
  if (!answer.response) return null;
  const [t, locale] = await Promise.all([getTranslations('interestAnswer'), getLocale() as Promise<AppLocale>]);
  return (
    <div className={reader === 'company' ? 'my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5' : 'mt-1'} data-testid="interest-answer" role={reader === 'company' ? 'status' : undefined}>
      {reader === 'company'
        ? <p className="m-0">{t(`company${answer.response}`)}</p>
        : <p className="m-0 flex flex-wrap items-center gap-2"><Badge tone={answer.response === 'WELCOMED' ? 'success' : 'neutral'}>{t(answer.response)}</Badge>{answer.respondedAt ? <span className="text-sm text-muted">{t('answeredOn', { date: formatDate(answer.respondedAt, locale) })}</span> : null}</p>}
      {answer.responseReason
        ? <p className="mt-1 mb-0"><span className="text-muted">{t('reasonLabel')} </span><span className="whitespace-pre-wrap" lang={answer.responseLanguage ?? undefined}>{answer.responseReason}</span></p>
        : null}
    </div>
  );
}
