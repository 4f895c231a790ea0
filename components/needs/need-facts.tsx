import { useTranslations } from 'next-intl';
import type { Capability, Currency, FundingSource, ProcurementMethod, SectorCode, Stage, Urgency } from '@/lib/generated/prisma/enums';
import { Money } from '../names/money';
import { DateOf } from '../time/when';

type Need = {
  sector: SectorCode; stage: Stage; urgency: Urgency;
  budgetAmount: { toString(): string } | null; budgetCurrency: Currency | null;
  fundingSource: FundingSource; procurementMethod: ProcurementMethod;
  prozorroTenderId: string | null; dreamProjectId: string | null;
  requiredCapabilities: Capability[]; publishedAt: Date | null;
};

/** The need's facts as a definition list; tender identifiers link to the public registers. */
export function NeedFacts({ need }: { need: Need }) {
  const t = useTranslations();
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg border border-line bg-paper px-4 py-4 sm:grid-cols-[max-content_minmax(0,1fr)] sm:px-5 [&_dd]:m-0 [&_dd]:mb-2 sm:[&_dd]:mb-0">
      <dt>{t('needs.sector')}</dt><dd>{t(`sector.${need.sector}`)}</dd>
      <dt>{t('needs.stage')}</dt><dd>{t(`stage.${need.stage}`)}</dd>
      <dt>{t('needs.urgency')}</dt><dd>{t(`urgency.${need.urgency}`)}</dd>
      <dt>{t('needs.budget')}</dt><dd><Money amount={need.budgetAmount} currency={need.budgetCurrency} /></dd>
      <dt>{t('needForm.fundingSource')}</dt><dd>{t(`fundingSource.${need.fundingSource}`)}</dd>
      <dt>{t('needForm.procurementMethod')}</dt>
      <dd>
        {t(`procurementMethod.${need.procurementMethod}`)}
        {need.prozorroTenderId ? <> · <a href={`https://prozorro.gov.ua/tender/${need.prozorroTenderId}`} rel="noopener noreferrer">{need.prozorroTenderId}</a></> : null}
        {need.dreamProjectId ? <> · DREAM {need.dreamProjectId}</> : null}
      </dd>
      <dt>{t('needForm.requiredCapabilities')}</dt>
      <dd>{need.requiredCapabilities.length ? need.requiredCapabilities.map((c) => t(`capability.${c}`)).join(', ') : t('common.none')}</dd>
      {need.publishedAt ? <><dt>{t('needs.published')}</dt><dd><DateOf value={need.publishedAt} /></dd></> : null}
    </dl>
  );
}
