import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { WrittenText } from '@/components/content/written-text';
import { Badge } from '@/components/ui/badge';
import type { Readable } from '@/lib/content/types';
import { formatDate } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

type Answer = { response: 'WELCOMED' | 'DECLINED' | null; respondedAt: Date | null };

/**
 * The hromada's answer to an interest: a sentence for the company, a badge for the hromada and
 * staff; the reason below in the reader's language (marked, the original one click away).
 */
export async function InterestAnswer({ answer, reason, reader, children }: { answer: Answer; reason?: Readable; reader: 'company' | 'hromada'; children?: ReactNode }) {
  if (!answer.response) return null;
  const [t, locale] = await Promise.all([getTranslations('interestAnswer'), getLocale() as Promise<AppLocale>]);
  return (
    <div className={reader === 'company' ? 'my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5' : 'mt-1'} data-testid="interest-answer">
      {reader === 'company'
        ? <p className="m-0" role="status">{t(`company${answer.response}`)}</p>
        : (
          <p className="m-0 flex flex-wrap items-center gap-2">
            <Badge tone={answer.response === 'WELCOMED' ? 'success' : 'neutral'}>{t(answer.response)}</Badge>
            {answer.respondedAt ? <span className="text-sm text-muted">{t('answeredOn', { date: formatDate(answer.respondedAt, locale) })}</span> : null}
          </p>
        )}
      {reason ? <div className="mt-1"><span className="text-sm text-muted">{t('reasonLabel')}</span><WrittenText value={reason} /></div> : null}
      {children}
    </div>
  );
}
