import { getTranslations } from 'next-intl/server';
import { PolicyEditor } from '@/components/facilitator/policy-editor';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { titled } from '@/lib/i18n/page-title';
import { getCurrentPolicy, listPolicyVersions } from '@/lib/match-store/policy';
import { PUBLIC_NEED_WHERE } from '@/lib/needs/public-needs';
import { previewMatchingPolicyAction, updateMatchingPolicyAction } from './actions';
import { DateTime } from '@/components/time/when';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('policy');

export default async function PolicyPage() {
  const actor = await actorForPage('/facilitator/policy', ['FACILITATOR', 'ADMIN']);
  const [t, policy, versions, needs] = await Promise.all([
    getTranslations('policy'),
    getCurrentPolicy(db),
    listPolicyVersions(db, actor),
    db.need.findMany({
      where: PUBLIC_NEED_WHERE,
      orderBy: [{ urgency: 'desc' }, { publishedAt: 'desc' }],
      take: 200,
      select: { id: true, title: true, hromada: { select: { nameUk: true, nameEn: true } } },
    }),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro', { version: policy.version })}</p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'policy', 'criterion', 'criterionHint']}><PolicyEditor
        key={policy.version}
        version={policy.version}
        policy={policy}
        needs={needs.map((need) => ({ id: need.id, title: need.title, hromada: `${need.hromada.nameUk} (${need.hromada.nameEn})` }))}
        save={updateMatchingPolicyAction}
        preview={previewMatchingPolicyAction}
      /></ClientMessages>
      <section aria-labelledby="versions">
        <h2 id="versions">{t('versions')}</h2>
        <ol className="grid gap-2.5 pl-5" reversed>
          {versions.map((version) => (
            <li key={version.version}>
              <strong>v{version.version}</strong> · <DateTime value={version.createdAt} />
              {version.createdBy ? <> · {version.createdBy.name}</> : null}
              {version.note ? <div>{version.note}</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
