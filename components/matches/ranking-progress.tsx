'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const POLL_MS = 1500;
/** After this long the page stops asking and says the ranking is taking longer than usual. */
const GIVE_UP_MS = 120_000;

/**
 * "Ranking in progress" while the background re-ranking of this need (or this company) is
 * queued or running. The server rendered `pending` from PostgreSQL; this asks
 * /api/ranking-state until the job is done, then refreshes the page once so the ranking on it
 * is fresh.
 */
export function RankingProgress({ pending, needId }: { pending: boolean; needId?: string }) {
  const t = useTranslations('rankingProgress');
  const router = useRouter();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const started = Date.now();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      if (stopped) return;
      if (Date.now() - started > GIVE_UP_MS) return setSlow(true);
      try {
        const response = await fetch(`/api/ranking-state${needId ? `?needId=${needId}` : ''}`, { cache: 'no-store' });
        const state = response.ok ? ((await response.json()) as { pending: boolean }) : null;
        if (state && !state.pending) {
          stopped = true;
          router.refresh();
          return;
        }
      } catch {
        // A dropped request is asked again on the next tick.
      }
      timer = setTimeout(ask, POLL_MS);
    };
    timer = setTimeout(ask, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pending, needId, router]);
  if (!pending) return null;
  return (
    <p role="status" aria-live="polite" className="m-0 flex items-center gap-2 rounded-md border border-line bg-wash px-3 py-2 text-sm" data-testid="ranking-progress">
      <span className="inline-block size-3 shrink-0 animate-spin rounded-full border-2 border-accent border-t-transparent" aria-hidden="true" />
      {slow ? t('slow') : t('inProgress')}
    </p>
  );
}
