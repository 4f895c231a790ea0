'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import type { CriteriaView } from '@/lib/i18n/criteria-view';
import { cn } from '@/components/ui/cn';
import { CriteriaTable } from './criteria-table';

type Answer = { kind: 'scored'; view: CriteriaView } | { kind: 'ineligible' | 'excluded' };
/** `gone`: the pair has no row any more (a re-ranking removed it since the page was read). */
type State = { kind: 'closed' | 'loading' | 'failed' | 'gone' } | { kind: 'shown'; answer: Answer };

/**
 * A card's full criteria table, fetched from app/api/match-explanation the first time its
 * <details> opens. A company's recommendations and a need's recommended companies sent one of
 * these tables per card (up to twenty) in their HTML and again in React's payload (57 % of the
 * recommendations page on 30k × 3k, rendered on every view) though a reader opens one or two. The table's words come from the same function as
 * a table rendered in a page (lib/i18n/criteria-view.ts) and it is drawn by the same component
 * (CriteriaTable). If the
 * score no longer matches the card's (a re-ranking landed since the page was read) the reader is
 * told so above the table. Without JavaScript, opening it shows `fallback`, a link to a page that
 * renders the same pair's table (the need's page, or this page with the card open); the summary
 * is a native <details>, so keyboard and screen readers open it as before.
 */
export function ExplanationOnDemand({ matchId, score, fallback, children }: {
  matchId: string;
  score: number;
  fallback: { href: string; on: 'needPage' | 'thisPage' };
  children: ReactNode;
}) {
  const t = useTranslations('criteriaOnDemand');
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: 'closed' });
  const asked = useRef(false);

  async function load() {
    asked.current = true;
    setState({ kind: 'loading' });
    try {
      const response = await fetch(`/api/match-explanation?match=${encodeURIComponent(matchId)}&locale=${locale}`, { cache: 'no-store' });
      if (response.status === 404) {
        setState({ kind: 'gone' });
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setState({ kind: 'shown', answer: (await response.json()) as Answer });
    } catch {
      // Opening it again tries again.
      asked.current = false;
      setState({ kind: 'failed' });
    }
  }

  const fallbackLink = <a href={fallback.href}>{t(fallback.on === 'thisPage' ? 'showHere' : 'onNeedPage')}</a>;
  const answer = state.kind === 'shown' ? state.answer : null;
  const table = answer?.kind === 'scored' ? answer.view : null;
  const changed = state.kind === 'gone' || (answer !== null && (table === null || table.score !== score));
  const status = state.kind === 'loading' ? t('loading') : state.kind === 'failed' ? t('failed') : changed ? t('changed') : '';
  return (
    <details
      className="min-w-0 text-sm"
      data-testid="full-criteria"
      onToggle={(event) => {
        if (event.currentTarget.open && !asked.current) void load();
      }}
    >
      <summary className="cursor-pointer font-semibold text-accent">{children}</summary>
      {/* One live region, in the page from the start, whose words change: many screen readers do
          not announce a region that appears together with its text. */}
      <p role="status" className={status ? cn('my-1', state.kind === 'loading' ? 'text-muted' : table ? 'text-warning' : undefined) : undefined}>
        {status}
      </p>
      {table ? <CriteriaTable view={table} /> : state.kind === 'loading' ? null : <p className="my-1">{fallbackLink}</p>}
    </details>
  );
}
