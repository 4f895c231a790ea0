import { WrittenLink } from '@/components/content/written-link';
import { readOneForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import type { AppLocale } from '@/lib/i18n/routing';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { HostilityBadge } from '@/components/hromadas/hostility-badge';
import { MatchExplanation } from '@/components/matches/match-explanation';
import { PairAssessmentView } from '@/components/matches/pair-assessment';
import { CompanyName } from '@/components/names/company-name';
import { HromadaName } from '@/components/names/hromada-name';
import { NeedFacts } from '@/components/needs/need-facts';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { Link } from '@/lib/i18n/link';
import { getPairCard } from '@/lib/match-decisions/pair-card';
import { badgeClass } from '@/components/ui/status-badge';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('explain');
  return { title: t('pairTitle') };
}

/** Any company against any need, ranked or not: why, and what it would score without its exclusions. */
export default async function PairCardPage({ searchParams }: PageProps<'/[locale]/facilitator/matches/pair'>) {
  const query = await searchParams;
  const input = { needId: query.needId, companyId: query.companyId };
  const returnQuery = new URLSearchParams(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const actor = await actorForPage(`/facilitator/matches/pair?${returnQuery}`, ['FACILITATOR', 'ADMIN']);
  const card = await getPairCard(db, actor, input).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'VALIDATION') return null;
    throw error;
  });
  if (!card) notFound();
  const t = await getTranslations();
  const { need, company, match, assessment } = card;
  const title = await readOneForReader(db, needTitle(need), (await getLocale()) as AppLocale);
  return (
    <article className="match-card">
      <p className="mt-0 mb-2 text-sm"><Link href="/facilitator/matches">{t('queue.title')}</Link></p>
      <h1>{t('explain.pairTitle')}</h1>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="the-need">
          <h2 id="the-need">{t('card.need')}</h2>
          <p><WrittenLink href={`/needs/${need.id}`} value={title} /> <span className={badgeClass('need', need.status)}>{t(`needStatus.${need.status}`)}</span></p>
          <p>
            <HromadaName nameUk={need.hromada.nameUk} nameEn={need.hromada.nameEn} /> ·{' '}
            <HromadaName nameUk={need.hromada.oblast.nameUk} nameEn={need.hromada.oblast.nameEn} />{' '}
            <HostilityBadge status={need.hromada.hostilityStatus} scope={need.hromada.hostilityScope} />
          </p>
          <NeedFacts need={{ ...need, publishedAt: null }} />
        </section>
        <section aria-labelledby="the-company">
          <h2 id="the-company">{t('card.company')}</h2>
          <p><CompanyName id={company.id} legalNameJa={company.legalNameJa} legalNameEn={company.legalNameEn} /> <span className={badgeClass('verification', company.verificationStatus)}>{t(`verification.${company.verificationStatus}`)}</span></p>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg border border-line bg-paper px-4 py-4 sm:grid-cols-[max-content_minmax(0,1fr)] sm:px-5 [&_dd]:m-0 [&_dd]:mb-2 sm:[&_dd]:mb-0">
            <dt>{t('companies.location')}</dt><dd>{company.cityEn}, {company.prefecture.nameEn} <span lang="ja">{company.prefecture.nameJa}{company.cityJa}</span></dd>
            <dt>{t('companies.sectors')}</dt><dd>{company.sectors.map((s) => t(`sector.${s}`)).join(', ')}</dd>
            <dt>{t('profile.capabilities')}</dt><dd>{company.capabilities.map((c) => t(`capability.${c}`)).join(', ') || t('common.none')}</dd>
            <dt>{t('companies.riskAppetite')}</dt><dd>{t(`riskAppetite.${company.riskAppetite}`)}</dd>
            <dt>{t('profile.stages')}</dt><dd>{company.stages.map((s) => t(`stage.${s}`)).join(', ')}</dd>
            <dt>{t('profile.deliveryModes')}</dt><dd>{company.deliveryModes.map((m) => t(`deliveryMode.${m}`)).join(', ')}</dd>
            <dt>{t('profile.tenderRequirement')}</dt><dd>{t(`tenderRequirement.${company.tenderRequirement}`)}</dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="why">
        <h2 id="why">{t('card.why')}</h2>
        {match ? <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5">{t('explain.pairHasCard')} <Link href={`/facilitator/matches/${match.id}`}>{t('matches.openCard')}</Link></p> : null}
        {assessment.kind === 'judged' && assessment.result.kind === 'scored'
          ? <>
              <p>{t('explain.pairRanked', { score: assessment.result.score, version: assessment.policyVersion })}</p>
              <MatchExplanation explanation={{ ...assessment.result, asOf: '' }} />
            </>
          : <PairAssessmentView assessment={assessment} reader="pair" showHypothetical />}
      </section>
    </article>
  );
}
