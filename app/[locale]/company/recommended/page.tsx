import { getTranslations } from 'next-intl/server';
import { IntroductionList } from '@/components/introductions/introduction-list';
import { HostilityBadge } from '@/components/hromadas/hostility-badge';
import { MatchExplanation } from '@/components/matches/match-explanation';
import { RankingProgress } from '@/components/matches/ranking-progress';
import { HromadaName } from '@/components/names/hromada-name';
import { ToDoList } from '@/components/start/to-do-list';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { getListInForce } from '@/lib/hostility-list/list-in-force';
import { Link } from '@/lib/i18n/navigation';
import { titled } from '@/lib/i18n/page-title';
import { listOwnIntroductions } from '@/lib/match-decisions/introductions';
import { listMatchesForCompany } from '@/lib/match-store/queries';
import { readRankingState } from '@/lib/match-store/ranking-state';

export const generateMetadata = titled('recommended');

export default async function RecommendedPage() {
  const actor = await actorForPage('/company/recommended', ['COMPANY_REP']);
  const [t, matches, introductions, list, ranking] = await Promise.all([
    getTranslations(),
    listMatchesForCompany(db, actor, actor.companyId ?? '', { pageSize: 20 }),
    listOwnIntroductions(db, actor),
    getListInForce(db),
    readRankingState(db, actor, {}),
  ]);
  return (
    <>
      <h1>{t('recommended.title')}</h1>
      <ToDoList actor={actor} />
      <p>{t('recommended.intro')}</p>
      <h2>{t('introductions.title')}</h2>
      <IntroductionList introductions={introductions} side="company" />
      <h2>{t('recommended.needs')}</h2>
      <RankingProgress pending={ranking.pending} />
      {matches.items.length === 0 ? <p className="empty">{t('recommended.none')}</p> : (
        <ol className="match-list">
          {matches.items.map((match) => (
            <li key={match.id} className="match-item" data-testid="recommended-need">
              <div className="match-head">
                <span className="score" aria-label={t('matches.scoreLabel', { score: match.score })}>{match.score}</span>
                <Link href={`/needs/${match.need.id}`}>{match.need.title}</Link>
                <HromadaName nameUk={match.need.hromada.nameUk} nameEn={match.need.hromada.nameEn} />
                <HostilityBadge status={match.need.hromada.hostilityStatus} scope={match.need.hromada.hostilityScope} list={list} />
                <span className={`badge status-${match.status.toLowerCase()}`}>{t(`matchStatus.${match.status}`)}</span>
              </div>
              <MatchExplanation explanation={match.explanation} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
