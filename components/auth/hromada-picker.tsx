'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { FieldError } from 'react-hook-form';
import type { HromadaOption } from '@/lib/reference/search-hromadas';
import { translateKey } from '../forms/text-field';
import { ReferenceSearchBox } from '../forms/reference-search-box';
import { useReferenceSearch } from '../forms/use-reference-search';

/**
 * Finds a hromada in the official list by any of its names (its own or its centre's, in
 * Ukrainian, romanised, English or Japanese); each result says its centre and oblast. Results are a radio
 * group, so choosing one works from the keyboard and is announced by screen readers.
 */
export function HromadaPicker({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: FieldError }) {
  const t = useTranslations('signUpMunicipality');
  const root = useTranslations();
  const id = useId();
  const search = useReferenceSearch<HromadaOption>('/api/hromadas', 'hromadas', 2);
  const { visible } = search;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('hromada')}</legend>
      <ReferenceSearchBox id={id} label={t('hromadaSearch')} hint={t('hromadaHint')} noResults={t('noResults')} search={search} />
      {visible.length > 0 ? (
        <ul className="m-0 grid max-h-72 list-none gap-1.5 overflow-auto p-0 [&_label]:flex [&_label]:items-baseline [&_label]:gap-2">
          {visible.map((option) => (
            <li key={option.code}>
              <label>
                <input type="radio" name={`${id}-hromada`} value={option.code} checked={value === option.code} disabled={option.isClaimed} onChange={() => onChange(option.code)} />
                <span>
                  <span lang="uk">{option.nameUk}</span> · {option.nameEn}
                  {option.matchedName ? <> · <span lang={option.matchedKind === 'JAPANESE' ? 'ja' : 'en'}>{option.matchedName}</span></> : null}{' '}
                  <span className="text-sm text-muted">
                    {t('hromadaCentre', { name: option.centreEn })} (<span lang="uk">{option.centreUk}</span>) · {option.oblastEn} / <span lang="uk">{option.oblastUk}</span>
                  </span>
                </span>
                {option.isClaimed ? <span className="text-sm text-muted"> — {t('claimed')}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error?.message ? <p id={`${id}-error`} className="m-0 text-sm font-semibold text-danger" role="alert">{translateKey(root, error.message)}</p> : null}
    </fieldset>
  );
}
