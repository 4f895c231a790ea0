import { WrittenLink } from '@/components/content/written-link';
import { readOneForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { DecisionForm } from '@/components/facilitator/decision-form';
import { HostilityBadge } from '@/components/hromadas/hostility-badge';
import { MatchExplanation } from '@/components/matches/match-explanation';
import { CompanyName } from '@/components/names/company-name';
import { HromadaName } from '@/components/names/hromada-name';
import { NeedFacts } from '@/components/needs/need-facts';
import { TenderEvidenceCard } from '@/components/evidence/tender-evidence-card';
import { listTenderEvidence } from '@/lib/evidence/evidence-view';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { getListInForceOnce } from '@/components/matches/reason-context';
import { Link } from '@/lib/i18n/link';
import { titled } from '@/lib/i18n/page-title';
import { getMatchCard } from '@/lib/match-decisions/review-queue';
import { availableActions } from '@/lib/match-decisions/transitions';
import { decideOnMatchAction } from '../actions';
import { badgeClass } from '@/components/ui/status-badge';
import { DateTime } from '@/components/time/when';
import { dateTimeParts, formatDate } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('card');

export default async function MatchCardPage({ params }: PageProps<'/[locale]/facilitator/matches/[id]'>) {
  const { id } = await params;
  const actor = await actorForPage(`/facilitator/matches/${id}`, ['FACILITATOR', 'ADMIN']);
  const card = await getMatchCard(db, actor, id);
  if (!card) notFound();
  const [t, locale, list] = await Promise.all([getTranslations(), getLocale() as Promise<AppLocale>, getListInForceOnce()]);
  const title = await readOneForReader(db, needTitle(card.need), locale);
  const last = card.decisions[0] ?? null;
  const actions = availableActions(card.status, last);
  return (
    <article className="match-card">
      <p className="mt-0 mb-2 text-sm"><Link href="/facilitator/matches">{t('queue.title')}</Link></p>
      <h1>{t('card.title')}</h1>
      <p className="mb-2 flex flex-wrap items-center gap-3">
        <span className="inline-grid size-10 shrink-0 place-items-center rounded-full bg-accent font-bold text-accent-ink tabular-nums" aria-label={t('matches.scoreLabel', { score: card.score })}>{card.score}</span>
        <span className={badgeClass('match', card.status)} data-testid="match-status">{t(`matchStatus.${card.status}`)}</span>
        <span className="text-sm text-muted">{t('card.policy', { version: card.policyVersion, date: t('time.at', dateTimeParts(card.computedAt, locale)) })}</span>
      </p>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="the-need">
          <h2 id="the-need">{t('card.need')}</h2>
          <p><WrittenLink href={`/needs/${card.need.id}`} value={title} /></p>
          <p>
            <HromadaName nameUk={card.need.hromada.nameUk} nameEn={card.need.hromada.nameEn} /> ·{' '}
            <HromadaName nameUk={card.need.hromada.oblast.nameUk} nameEn={card.need.hromada.oblast.nameEn} />{' '}
            <HostilityBadge status={card.need.hromada.hostilityStatus} scope={card.need.hromada.hostilityScope} list={list} showSource />
          </p>
          <NeedFacts need={{ ...card.need, publishedAt: null }} />
          <p>{t('card.contact')}: {card.need.municipality.contactName} · {card.need.municipality.contactEmail}</p>
        </section>
        <section aria-labelledby="the-company">
          <h2 id="the-company">{t('card.company')}</h2>
          <p><CompanyName id={card.company.id} legalNameJa={card.company.legalNameJa} legalNameEn={card.company.legalNameEn} /></p>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg border border-line bg-paper px-4 py-4 sm:grid-cols-[max-content_minmax(0,1fr)] sm:px-5 [&_dd]:m-0 [&_dd]:mb-2 sm:[&_dd]:mb-0">
            <dt>{t('companies.location')}</dt><dd>{card.company.cityEn}, {card.company.prefecture.nameEn} <span lang="ja">{card.company.prefecture.nameJa}{card.company.cityJa}</span></dd>
            <dt>{t('companies.sectors')}</dt><dd>{card.company.sectors.map((s) => t(`sector.${s}`)).join(', ')}</dd>
            <dt>{t('profile.capabilities')}</dt><dd>{card.company.capabilities.map((c) => t(`capability.${c}`)).join(', ') || t('common.none')}</dd>
            <dt>{t('companies.riskAppetite')}</dt><dd>{t(`riskAppetite.${card.company.riskAppetite}`)}</dd>
            <dt>{t('companies.size')}</dt><dd>{t('companies.staff', { count: card.company.employees })}</dd>
          </dl>
          <p>{t('card.contact')}: {card.company.contactName} · {card.company.contactEmail}</p>
        </section>
      </div>

      <section aria-labelledby="why">
        <h2 id="why">{t('card.why')}</h2>
        <MatchExplanation explanation={card.explanation} />
      </section>

      <TenderEvidenceCard evidence={await listTenderEvidence(db, actor, card.need.id)} />

      <section aria-labelledby="decide">
        <h2 id="decide">{t('card.decide')}</h2>
        {card.introduction ? <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5">{t('card.introducedOn', { date: formatDate(card.introduction.createdAt, locale) })}</p> : null}
        {actions.length
          ? <ClientMessages namespaces={[...FORM_NAMESPACES, 'card', 'declineReason', 'decisionAction']}><DecisionForm matchId={card.id} version={card.version} actions={actions} action={decideOnMatchAction} /></ClientMessages>
          : <p className="text-muted">{t('card.noActions')}</p>}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t('card.history')}</h2>
        {card.decisions.length === 0 ? <p className="text-muted">{t('card.noHistory')}</p> : (
          <ol className="grid gap-2.5 pl-5" data-testid="decision-history">
            {card.decisions.map((decision) => (
              <li key={decision.id}>
                <strong>{decision.actor.name}</strong> {t(`decisionPast.${decision.action}`)}{' '}
                ({t(`matchStatus.${decision.fromStatus}`)} → {t(`matchStatus.${decision.toStatus}`)}){' '}
                <span className="text-sm text-muted"><DateTime value={decision.createdAt} /></span>
                {decision.reason ? <div>{t('card.declineReason')}: {t(`declineReason.${decision.reason}`)}</div> : null}
                {decision.note ? <blockquote>{decision.note}</blockquote> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
