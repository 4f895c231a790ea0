import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ActionButton } from '@/components/forms/action-button';
import { HostilityBadge } from '@/components/hromadas/hostility-badge';
import { CompareCompanyPicker } from '@/components/matches/compare-company-picker';
import { MatchExplanation } from '@/components/matches/match-explanation';
import { RankingProgress } from '@/components/matches/ranking-progress';
import { PairAssessmentView } from '@/components/matches/pair-assessment';
import { RecommendedCompanies } from '@/components/matches/recommended-companies';
import { CompanyName } from '@/components/names/company-name';
import { HromadaName } from '@/components/names/hromada-name';
import { TenderEvidenceCard } from '@/components/evidence/tender-evidence-card';
import { InterestForm } from '@/components/needs/interest-form';
import { NeedClosing } from '@/components/needs/need-closing';
import { NeedFacts } from '@/components/needs/need-facts';
import { SiteNotice } from '@/components/needs/site-notice';
import { TranslationEditor } from '@/components/content/translation-editor';
import { WrittenText } from '@/components/content/written-text';
import { isStaff, type Actor } from '@/lib/auth/actor';
import { readForReader } from '@/lib/content/read-for-reader';
import { readTranslationEditor } from '@/lib/content/translation-editor';
import { interestNote, needTexts } from '@/lib/content/written';
import { saveTranslationAction } from '../../translations/actions';
import { getActor } from '@/lib/auth/current-actor';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { getListInForceOnce } from '@/components/matches/reason-context';
import { Link } from '@/lib/i18n/link';
import { listInvitationsForNeed, listInvitedCompanyIds } from '@/lib/interests/invite-company';
import { AnswerInterestForm } from '@/components/interests/answer-interest-form';
import { InterestAnswer } from '@/components/interests/interest-answer';
import { readAnswerReasons } from '@/lib/interests/answer-reasons';
import { responseReason } from '@/lib/interests/written-answer';
import { InvitationsSent } from '@/components/interests/invitations-sent';
import { getOwnStandingOnNeed, listInterestsForNeed } from '@/lib/interests/need-interests';
import { listMatchesForNeed } from '@/lib/match-store/queries';
import { readShownNeedRankingState } from '@/lib/match-store/ranking-state';
import { keepOutOfCache } from '@/lib/cache/tag-page';
import { getNeedForActor } from '@/lib/needs/manage-needs';
import { isFollowingNeed } from '@/lib/notifications/centre';
import { followNeedAction } from '../../notifications/actions';
import { readSiteListing } from '@/lib/reference/site-listing';
import { listTenderEvidence } from '@/lib/evidence/evidence-view';
import { registerInterestAction, withdrawInterestAction } from '../../company/actions';
import { answerInterestAction, closeNeedAction, inviteCompanyAction, publishNeedAction, reopenNeedAction, withdrawInvitationAction } from '../../municipality/actions';
import { buttonVariants } from '@/components/ui/button';
import { badgeClass } from '@/components/ui/status-badge';
import { DateOf } from '@/components/time/when';
import { formatDate } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import type { ActionResult } from '@/lib/actions/run';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

type Need = Awaited<ReturnType<typeof getNeedForActor>>;

// Read once per request: the metadata and the page both need it.
const loadNeed = cache(async (actor: Actor | null, id: string): Promise<Need> => {
  try {
    return await getNeedForActor(db, actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

// The title and description in the reader's language, once per request as well.
const readNeed = cache(async (need: Need, locale: AppLocale) => readForReader(db, needTexts(need), locale));

export async function generateMetadata({ params }: PageProps<'/[locale]/needs/[id]'>): Promise<Metadata> {
  const { id, locale } = await params;
  const [title] = await readNeed(await loadNeed(await getActor(), id), locale as AppLocale);
  return { title: title.text };
}

export default async function NeedPage({ params, searchParams }: PageProps<'/[locale]/needs/[id]'>) {
  const [{ id }, { explain }] = await Promise.all([params, searchParams]);
  const actor = await getActor();
  const need = await loadNeed(actor, id);
  const locale = (await getLocale()) as AppLocale;
  const [t, list, ranking, [title, description], translations] = await Promise.all([
    // Visitors see no ranking, so nothing tells them one is in progress (and their page is
    // served from the cache, which a finished ranking job does not invalidate).
    getTranslations(), getListInForceOnce(), actor ? readShownNeedRankingState(db, actor, need) : { pending: false },
    readNeed(need, locale), readTranslationEditor(db, actor, 'NEED', need.id, needTexts(need)),
  ]);
  // "Ranking in progress" ends with a job, which may change no row: not kept in the cache.
  if (ranking.pending) await keepOutOfCache();
  // The card whose criteria table is rendered open: where a reader without JavaScript is sent.
  const explainId = typeof explain === 'string' ? explain : undefined;
  const isOwner = actor?.role === 'MUNICIPALITY_REP' && actor.municipalityId === need.municipalityId;
  const canClose = isOwner || (actor !== null && isStaff(actor));

  return (
    // The forms below read these sections in the browser (lib/i18n/client-messages.ts).
    <ClientMessages namespaces={[...FORM_NAMESPACES, 'explain', 'rankingProgress', 'interest', 'interestAnswer', 'criteriaOnDemand']}>
    <article className="need-page">
      <p className="mt-0 mb-2 text-sm"><Link href="/needs">{t('needs.title')}</Link></p>
      <WrittenText value={title} as="h1" />
      <p className="need-place flex flex-wrap items-center gap-1.5">
        <HromadaName nameUk={need.hromada.nameUk} nameEn={need.hromada.nameEn} /> ·{' '}
        <HromadaName nameUk={need.hromada.oblast.nameUk} nameEn={need.hromada.oblast.nameEn} />{' '}
        <HostilityBadge status={need.hromada.hostilityStatus} scope={need.hromada.hostilityScope} list={list} showSource />{' '}
        <span className={badgeClass('need', need.status)}>{t(`needStatus.${need.status}`)}</span>
      </p>
      <RankingProgress pending={need.status === 'OPEN' && ranking.pending} needId={need.id} />
      <NeedClosing need={need} actor={actor} canManage={canClose && need.status === 'CLOSED'} closeAction={closeNeedAction} reopenAction={reopenNeedAction} />
      <NeedFacts need={need} />
      <h2>{t('needs.description')}</h2>
      <WrittenText value={description} as="p" className="max-w-3xl" />
      {translations ? <TranslationEditor texts={translations} action={saveTranslationAction} /> : null}

      {isOwner ? <OwnerPanel need={need} actor={actor} explain={explainId} /> : null}
      {actor && isStaff(actor) ? <StaffPanel need={need} actor={actor} explain={explainId} /> : null}
      {actor?.role === 'COMPANY_REP' && need.status === 'OPEN' ? <CompanyPanel needId={need.id} actor={actor} /> : null}
      {!actor && need.status === 'OPEN' ? (
        <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5">
          {t.rich('needPage.signInToHelp', {
            signIn: (chunks) => <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/needs/${need.id}`)}`}>{chunks}</Link>,
            signUp: (chunks) => <Link href="/sign-up/company">{chunks}</Link>,
          })}
        </p>
      ) : null}
    </article>
    </ClientMessages>
  );
}

async function CompanyPanel({ needId, actor }: { needId: string; actor: Actor }) {
  const [t, locale, standing, following] = await Promise.all([getTranslations(), getLocale() as Promise<AppLocale>, getOwnStandingOnNeed(db, actor, needId), isFollowingNeed(db, actor, needId)]);
  const [invitationNote] = standing.invitation?.note ? await readForReader(db, [interestNote(standing.invitation)], locale) : [];
  const answerWritten = standing.interest ? responseReason(standing.interest) : null;
  const [answerReason] = answerWritten ? await readForReader(db, [answerWritten], locale) : [];
  // The company translates its own note for the hromada, if it likes.
  const noteTranslations = standing.interest?.note ? await readTranslationEditor(db, actor, 'INTEREST', standing.interest.id, [interestNote(standing.interest)]) : null;
  return (
    <section aria-labelledby="your-fit">
      <p className="flex flex-wrap items-center gap-2">
        {following ? <span role="status">{t('notifications.follow.following')}</span> : null}
        <ActionButton action={followNeedAction} input={{ needId, follow: !following }} done={following ? t('notifications.follow.unfollowed') : t('notifications.follow.followed')} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
          {following ? t('notifications.follow.unfollow') : t('notifications.follow.follow')}
        </ActionButton>
      </p>
      <h2 id="your-fit">{t('needPage.yourFit')}</h2>
      {standing.invitation ? (
        <div className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5" data-testid="invitation-received">
          {standing.invitation.withdrawnAt ? t('invitation.withdrawnOn', { date: formatDate(standing.invitation.withdrawnAt, locale) }) : t('invitation.youAreInvited')}
          {invitationNote ? <WrittenText value={invitationNote} as="blockquote" /> : null}
        </div>
      ) : null}
      {standing.match
        ? <>
            <p>{t('needPage.yourScore', { score: standing.match.score })} · <span className={badgeClass('match', standing.match.status)}>{t(`matchStatus.${standing.match.status}`)}</span></p>
            <MatchExplanation explanation={standing.match.explanation} />
          </>
        : standing.assessment
          ? <PairAssessmentView assessment={standing.assessment} reader="you" />
          : <p className="text-muted">{t('needPage.notRanked')}</p>}
      <h2>{t('interest.title')}</h2>
      {standing.interest
        ? <p role="status">
            {t('interest.registeredOn', { date: formatDate(standing.interest.createdAt, locale) })}{' '}
            <ActionButton action={withdrawInterestAction} input={{ needId }} done={t('interest.withdrawn')} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>{t('interest.withdraw')}</ActionButton>
          </p>
        : <p>{t('interest.intro')}</p>}
      {standing.interest ? <InterestAnswer answer={standing.interest} reason={answerReason} reader="company" /> : null}
      <InterestForm needId={needId} note={standing.interest?.note} noteLanguage={standing.interest?.noteLanguage} action={registerInterestAction} />
      {noteTranslations ? <TranslationEditor texts={noteTranslations} action={saveTranslationAction} /> : null}
    </section>
  );
}

async function OwnerPanel({ need, actor, explain }: { need: Need; actor: Actor; explain?: string }) {
  const [t, listing] = await Promise.all([getTranslations(), readSiteListing(db, need.hromadaCode)]);
  const transition = { needId: need.id, expectedVersion: need.version };
  return (
    <section aria-labelledby="manage">
      <h2 id="manage">{t('needPage.manage')}</h2>
      <SiteNotice listing={listing} />
      <p className="flex flex-wrap items-center gap-3">
        {need.status !== 'CLOSED' ? <Link href={`/municipality/needs/${need.id}/edit`} className={buttonVariants({ variant: 'secondary' })}>{t('needPage.edit')}</Link> : null}
        {need.status === 'DRAFT' ? <ActionButton action={publishNeedAction} input={transition} done={t('needPage.published')} className={buttonVariants()}>{t('needPage.publish')}</ActionButton> : null}
        {need.status === 'OPEN' ? <NeedClosing need={need} actor={actor} canManage closeAction={closeNeedAction} reopenAction={reopenNeedAction} /> : null}
      </p>
      {need.status === 'DRAFT' && need.municipality.verificationStatus !== 'VERIFIED' ? <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5">{t('needPage.publishAfterVerification')}</p> : null}
      <InterestedCompanies needId={need.id} actor={actor} answerAction={need.municipality.verificationStatus === 'VERIFIED' ? answerInterestAction : undefined} />
      <InvitationsSent needId={need.id} invitations={await listInvitationsForNeed(db, actor, need.id)} withdrawAction={withdrawInvitationAction} />
      <Recommended needId={need.id} actor={actor} linkToCards={false} canInvite={need.status === 'OPEN' && need.municipality.verificationStatus === 'VERIFIED'} explain={explain} />
    </section>
  );
}

async function StaffPanel({ need, actor, explain }: { need: Need; actor: Actor; explain?: string }) {
  const [listing, evidence] = await Promise.all([
    readSiteListing(db, need.hromadaCode),
    listTenderEvidence(db, actor, need.id),
  ]);
  const t = await getTranslations('evidence');
  return (
    <section>
      {need.status === 'OPEN' ? <div className="my-3"><NeedClosing need={need} actor={actor} canManage closeAction={closeNeedAction} reopenAction={reopenNeedAction} /></div> : null}
      <SiteNotice listing={listing} />
      <TenderEvidenceCard evidence={evidence} />
      {need.prozorroTenderId || need.dreamProjectId ? <p><Link href={`/facilitator/evidence?needId=${need.id}`}>{t('import.link')}</Link></p> : null}
      <InterestedCompanies needId={need.id} actor={actor} />
      <InvitationsSent needId={need.id} invitations={await listInvitationsForNeed(db, actor, need.id)} />
      <Recommended needId={need.id} actor={actor} linkToCards explain={explain} />
      <CompareCompany needId={need.id} />
    </section>
  );
}

/** Facilitators open any company against this need, ranked or not, found by name (there may be very many). */
async function CompareCompany({ needId }: { needId: string }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <>
      <h2 id="compare">{t('explain.compareTitle')}</h2>
      <form method="get" action={`/${locale}/facilitator/matches/pair`} className="mt-2 mb-4 flex flex-wrap items-end gap-4 [&_a[aria-current=page]]:font-bold [&_a[aria-current=page]]:text-ink [&_a[aria-current=page]]:no-underline" aria-labelledby="compare">
        <input type="hidden" name="needId" value={needId} />
        <CompareCompanyPicker />
        <button type="submit" className={buttonVariants({ variant: 'secondary' })}>{t('explain.compareOpen')}</button>
      </form>
    </>
  );
}

async function InterestedCompanies({ needId, actor, answerAction }: { needId: string; actor: Actor; answerAction?: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const [t, locale, interests] = await Promise.all([getTranslations(), getLocale() as Promise<AppLocale>, listInterestsForNeed(db, actor, needId)]);
  const notes = await readForReader(db, interests.map(interestNote), locale);
  const reasons = await readAnswerReasons(db, actor, interests, locale);
  return (
    <>
      <h2>{t('needPage.interested', { count: interests.length })}</h2>
      {interests.length === 0 ? <p className="text-muted">{t('needPage.noInterest')}</p> : (
        <ul className="grid gap-2.5 pl-5">
          {interests.map((interest, index) => (
            <li key={interest.id} data-testid="interested-company">
              <CompanyName id={interest.company.id} legalNameJa={interest.company.legalNameJa} legalNameEn={interest.company.legalNameEn} />{' '}
              <span className="text-sm text-muted"><DateOf value={interest.createdAt} /></span>{' '}
              {interest.matchId ? <Link href={`/facilitator/matches/${interest.matchId}`}>{t('matches.openCard')}</Link> : null}
              {isStaff(actor) && !interest.matchId ? <Link href={`/facilitator/matches/pair?needId=${needId}&companyId=${interest.company.id}`}>{t('matches.openCard')}</Link> : null}
              {interest.note ? <WrittenText value={notes[index]} as="blockquote" /> : null}
              <InterestAnswer answer={interest} reason={reasons.get(interest.id)?.readable} reader="hromada">
                {reasons.get(interest.id)?.editor ? <TranslationEditor texts={reasons.get(interest.id)!.editor!} action={saveTranslationAction} /> : null}
              </InterestAnswer>
              {answerAction ? <AnswerInterestForm interestId={interest.id} current={{ response: interest.response, responseReason: interest.responseReason, responseLanguage: interest.responseLanguage }} action={answerAction} /> : null}
              {!interest.isRecommended && interest.assessment ? <PairAssessmentView assessment={interest.assessment} reader="pair" /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

async function Recommended({ needId, actor, linkToCards, canInvite = false, explain }: { needId: string; actor: Actor; linkToCards: boolean; canInvite?: boolean; explain?: string }) {
  const [t, matches, invited] = await Promise.all([
    getTranslations(), listMatchesForNeed(db, actor, needId, { pageSize: 10 }), listInvitedCompanyIds(db, actor, needId),
  ]);
  return (
    <>
      <h2>{t('needPage.recommended')}</h2>
      <p className="text-sm text-muted">{t('needPage.recommendedHint')}</p>
      <RecommendedCompanies matches={matches.items} linkToCards={linkToCards} invite={canInvite ? { needId, invited, action: inviteCompanyAction } : undefined} explain={explain} />
    </>
  );
}
