import { useTranslations } from 'next-intl';
import { FilterSelect } from '../forms/filter-select';
import { HostilityStatus, SectorCode, Stage } from '@/lib/generated/prisma/enums';
import { buttonVariants } from '@/components/ui/button';
import { NEED_KEYWORDS_MAX } from '@/lib/needs/need-search-schema';
import { shortKeywords } from '@/lib/needs/need-search';

type Oblast = { code: string; nameUk: string; nameEn: string };
type Values = { q?: string; sector?: string; oblast?: string; hostility?: string; stage?: string; maxBudgetEur?: number; view?: string };

const BUDGET_STEPS = [50_000, 250_000, 1_000_000, 5_000_000, 25_000_000];

/** A plain GET form: filters live in the URL, so a filtered list can be shared and bookmarked. */
export function NeedFilters({ oblasts, values, action }: { oblasts: Oblast[]; values: Values; action: string }) {
  const t = useTranslations();
  const tooShort = values.q ? shortKeywords(values.q) : [];
  return (
    <form method="get" action={action} className="mt-2 mb-4 grid grid-cols-1 items-end gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] [&_select]:w-full [&_button]:justify-self-start" role="search" aria-label={t('needs.filters')}>
      {values.view ? <input type="hidden" name="view" value={values.view} /> : null}
      <div className="grid gap-1 [&_label]:text-sm [&_label]:font-semibold">
        <label htmlFor="filter-q">{t('needs.keywords')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={values.q ?? ''} maxLength={NEED_KEYWORDS_MAX} aria-describedby="filter-q-hint" />
        <p id="filter-q-hint" className="m-0 text-sm text-muted">{t('needs.keywordsHint')}</p>
        {tooShort.length > 0 ? <p role="status" className="m-0 text-sm">{t('needs.keywordsTooShort', { words: tooShort.join(' ') })}</p> : null}
      </div>
      <FilterSelect name="sector" label={t('needs.sector')} defaultValue={values.sector ?? ''}>
          <option value="">{t('common.all')}</option>
          {Object.values(SectorCode).map((code) => <option key={code} value={code}>{t(`sector.${code}`)}</option>)}
      </FilterSelect>
      <FilterSelect name="oblast" label={t('needs.oblast')} defaultValue={values.oblast ?? ''}>
          <option value="">{t('common.all')}</option>
          {oblasts.map((oblast) => <option key={oblast.code} value={oblast.code}>{oblast.nameUk} ({oblast.nameEn})</option>)}
      </FilterSelect>
      <FilterSelect name="hostility" label={t('needs.hostilityStatus')} defaultValue={values.hostility ?? ''}>
          <option value="">{t('common.all')}</option>
          {Object.values(HostilityStatus).map((code) => <option key={code} value={code}>{t(`hostility.${code}`)}</option>)}
      </FilterSelect>
      <FilterSelect name="stage" label={t('needs.stage')} defaultValue={values.stage ?? ''}>
          <option value="">{t('common.all')}</option>
          {Object.values(Stage).map((code) => <option key={code} value={code}>{t(`stage.${code}`)}</option>)}
      </FilterSelect>
      <FilterSelect name="maxBudgetEur" label={t('needs.maxBudget')} defaultValue={values.maxBudgetEur ? String(values.maxBudgetEur) : ''}>
          <option value="">{t('common.any')}</option>
          {BUDGET_STEPS.map((step) => <option key={step} value={step}>{t('needs.upToEur', { amount: step })}</option>)}
      </FilterSelect>
      <button type="submit" className={buttonVariants({ variant: 'secondary' })}>{t('needs.applyFilters')}</button>
    </form>
  );
}
