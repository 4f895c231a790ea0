import { getLocale, getTranslations } from 'next-intl/server';
import { WrittenLink } from '@/components/content/written-link';
import { readForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import type { AppLocale } from '@/lib/i18n/routing';
import { IntroductionList } from '@/components/introductions/introduction-list';
import { HostilityBadge } from '@/components/hromadas/hostility-badge';
import { RankingProgress } from '@/components/matches/ranking-progress';
import { entriesOf, MatchSummary, othersThan, SharedReasons } from '@/components/matches/match-summary';
import { HromadaName } from '@/components/names/hromada-name';
import { ToDoList } from '@/components/start/to-do-list';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { getListInForceOnce } from '@/components/matches/reason-context';
import { titled } from '@/lib/i18n/page-title';
import { listOwnIntroductions } from '@/lib/match-decisions/introductions';
import { listMatchesForCompany } from '@/lib/match-store/queries';
import { readRankingState } from '@/lib/match-store/ranking-state';
import { keepOutOfCache } from '@/lib/cache/tag-page';
import { badgeClass } from '@/components/ui/status-badge';
import { SecurityWatchList } from '@/components/security-watch/security-watch-list';
import { getSecurityWatch } from '@/lib/security-watch/company-watch';
import { pageSchema } from '@/lib/pagination';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('recommended');

export default async function RecommendedPage({ searchParams }: PageProps<'/[locale]/company/recommended'>) {
  const actor = await actorForPage('/company/recommended', ['COMPANY_REP']);
  // The security watch, page by page (?watch=N): a bad number reads as the first page.
  const watchPage = pageSchema.parse((await searchParams).watch);
  const [t, matches, introductions, list, ranking, watch] = await Promise.all([
    getTranslations(),
    listMatchesForCompany(db, actor, actor.companyId ?? '', { pageSize: 20 }),
    listOwnIntroductions(db, actor),
    getListInForceOnce(),
    readRankingState(db, actor, {}),
    getSecurityWatch(db, actor, new Date(), { page: watchPage }),
  ]);
  // "Ranking in progress" ends with a job, which may change no row: not kept in the cache.
  if (ranking.pending) await keepOutOfCache();
  const lists = entriesOf(matches.items.map((match) => match.explanation));
  const titles = await readForReader(db, matches.items.map((match) => needTitle(match.need)), (await getLocale()) as AppLocale);
  return (
    <>
      <h1>{t('recommended.title')}</h1>
      <ToDoList actor={actor} />
      <p>{t('recommended.intro')}</p>
      <h2>{t('introductions.title')}</h2>
      <IntroductionList introductions={introductions} side="company" />
      <h2>{t('recommended.needs')}</h2>
      {/* One provider for both: each repeats the layout's messages in the payload. */}
      <ClientMessages namespaces={['rankingProgress', 'criteriaOnDemand']}>
      <RankingProgress pending={ranking.pending} />
      {matches.items.length === 0 ? <p className="text-muted">{t('recommended.none')}</p> : (<>
        <SharedReasons lists={lists} of="needs" />
        <ol className="m-0 grid list-none gap-4 p-0">
          {matches.items.map((match, index) => (
            <li key={match.id} className="min-w-0 rounded-lg border border-line bg-paper px-4 py-3" data-testid="recommended-need">
              <div className="mb-2 flex flex-wrap items-center gap-3">
                <span className="inline-grid size-10 shrink-0 place-items-center rounded-full bg-accent font-bold text-accent-ink tabular-nums" aria-label={t('matches.scoreLabel', { score: match.score })}>{match.score}</span>
                <WrittenLink href={`/needs/${match.need.id}`} value={titles[index]!} />
                <HromadaName nameUk={match.need.hromada.nameUk} nameEn={match.need.hromada.nameEn} />
                <HostilityBadge status={match.need.hromada.hostilityStatus} scope={match.need.hromada.hostilityScope} list={list} />
                <span className={badgeClass('match', match.status)}>{t(`matchStatus.${match.status}`)}</span>
              </div>
              {/* The full table is fetched when opened: one per card was 57 % of this page on 30k × 3k. */}
              <MatchSummary explanation={match.explanation} others={othersThan(lists, index)} onDemand={{ matchId: match.id, score: match.score, without: { needId: match.need.id } }} />
            </li>
          ))}
        </ol>
      </>)}
      </ClientMessages>
      <section aria-labelledby="security-watch" data-testid="security-watch">
        <h2 id="security-watch">{t('securityWatch.title')}</h2>
        <p className="max-w-3xl">{t('securityWatch.intro')}</p>
        <SecurityWatchList watch={watch} />
      </section>
    </>
  );
}
