'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { CompanyOption } from '@/lib/match-decisions/search-companies';
import { useReferenceSearch } from '../forms/use-reference-search';

/**
 * Finds a company by name for the comparison form it sits in (staff only): the results are a
 * radio group named companyId, so the form's GET opens the pair card of the chosen one.
 */
export function CompareCompanyPicker() {
  const t = useTranslations('explain');
  const id = useId();
  const { query, setQuery, visible, isSearching, isEmpty } = useReferenceSearch<CompanyOption>('/api/companies/search', 'companies', 2);
  return (
    <fieldset>
      <legend>{t('compareCompany')}</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('compareSearch')}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
        <p id={`${id}-hint`} className="field-hint">{t('compareHint')}</p>
      </div>
      <div role="status" aria-live="polite" className="field-hint">
        {isSearching ? '…' : isEmpty ? t('compareNoResults') : null}
      </div>
      {visible.length > 0 ? (
        <ul className="choice-list">
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
