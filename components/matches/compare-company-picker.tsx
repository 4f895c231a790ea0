'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { CompanyOption } from '@/lib/match-decisions/search-companies';
import { ReferenceSearchBox } from '../forms/reference-search-box';
import { useReferenceSearch } from '../forms/use-reference-search';

/**
 * Finds a company by name for the comparison form it sits in (staff only): the results are a
 * radio group named companyId, so the form's GET opens the pair card of the chosen one.
 */
export function CompareCompanyPicker() {
  const t = useTranslations('explain');
  const id = useId();
  const search = useReferenceSearch<CompanyOption>('/api/companies/search', 'companies', 2);
  const { visible } = search;
  return (
    <fieldset>
      <legend>{t('compareCompany')}</legend>
      <ReferenceSearchBox id={id} label={t('compareSearch')} hint={t('compareHint')} noResults={t('compareNoResults')} search={search} />
      {visible.length > 0 ? (
        <ul className="m-0 grid max-h-72 list-none gap-1.5 overflow-auto p-0 [&_label]:flex [&_label]:items-baseline [&_label]:gap-2">
          {visible.map((company) => (
            <li key={company.id}>
              <label>
                <input type="radio" name="companyId" value={company.id} required />
                {company.legalNameEn} · <span lang="ja">{company.legalNameJa}</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
