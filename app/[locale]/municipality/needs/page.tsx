import { getTranslations } from 'next-intl/server';
import { IntroductionList } from '@/components/introductions/introduction-list';
import { ToDoList } from '@/components/start/to-do-list';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/link';
import { titled } from '@/lib/i18n/page-title';
import { listOwnIntroductions } from '@/lib/match-decisions/introductions';
import { listOwnNeeds } from '@/lib/needs/manage-needs';
import { buttonVariants } from '@/components/ui/button';
import { tableClass } from '@/components/ui/table';
import { badgeClass } from '@/components/ui/status-badge';
import { DateOf } from '@/components/time/when';

export const generateMetadata = titled('ourNeeds');

export default async function OurNeedsPage() {
  const actor = await actorForPage('/municipality/needs', ['MUNICIPALITY_REP']);
  const [t, needs, introductions] = await Promise.all([
    getTranslations(), listOwnNeeds(db, actor), listOwnIntroductions(db, actor),
  ]);
  return (
    <>
      <h1>{t('ourNeeds.title')}</h1>
      <ToDoList actor={actor} />
      <p><Link href="/municipality/needs/new" className={buttonVariants()}>{t('ourNeeds.post')}</Link></p>
      {needs.length === 0 ? <p className="text-muted">{t('ourNeeds.none')}</p> : (
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{t('needs.need')}</th>
              <th scope="col">{t('needs.sector')}</th>
              <th scope="col">{t('ourNeeds.status')}</th>
              <th scope="col">{t('ourNeeds.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((need) => (
              <tr key={need.id}>
                <td data-label={t('needs.need')}><Link href={`/needs/${need.id}`} lang={need.language}>{need.title}</Link></td>
                <td data-label={t('needs.sector')}>{t(`sector.${need.sector}`)}</td>
                <td data-label={t('ourNeeds.status')}><span className={badgeClass('need', need.status)}>{t(`needStatus.${need.status}`)}</span>{need.closeReason ? <div className="text-sm text-muted">{t(`needCloseReason.${need.closeReason}`)}</div> : null}</td>
                <td data-label={t('ourNeeds.updated')} className="whitespace-nowrap"><DateOf value={need.updatedAt} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('introductions.title')}</h2>
      <IntroductionList introductions={introductions} side="municipality" />
    </>
  );
}
