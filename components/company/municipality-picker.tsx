'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { FieldError } from 'react-hook-form';
import type { JapanMunicipalityOption } from '@/lib/reference/search-japan-municipalities';
import { translateKey } from '../forms/text-field';
import { ReferenceSearchBox } from '../forms/reference-search-box';
import { useReferenceSearch } from '../forms/use-reference-search';

/**
 * Finds the company's municipality in the official list (全国地方公共団体コード) by kanji, kana or
 * romaji, so the sister-city criterion compares codes, not spellings. Results are a radio group,
 * like the hromada picker, so choosing works from the keyboard and is announced.
 */
export function MunicipalityPicker({ value, chosenName, onChange, error }: {
  value: string | undefined;
  chosenName: string | undefined;
  onChange: (option: JapanMunicipalityOption) => void;
  error?: FieldError;
}) {
  const t = useTranslations('municipalityPicker');
  const root = useTranslations();
  const id = useId();
  const search = useReferenceSearch<JapanMunicipalityOption>('/api/japan-municipalities', 'municipalities', 1);
  const { visible } = search;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('legend')}</legend>
      <p className="m-0 text-sm text-muted" aria-live="polite">{chosenName ? t('chosen', { name: chosenName }) : t('none')}</p>
      <ReferenceSearchBox id={id} label={t('search')} hint={t('hint')} noResults={t('noResults')} search={search} />
      {visible.length > 0 ? (
        <ul className="m-0 grid max-h-72 list-none gap-1.5 overflow-auto p-0 [&_label]:flex [&_label]:items-baseline [&_label]:gap-2">
          {visible.map((option) => (
            <li key={option.code}>
              <label>
                <input type="radio" name={`${id}-municipality`} value={option.code} checked={value === option.code} onChange={() => onChange(option)} />
                <span lang="ja">{option.prefectureJa}{option.nameJa}</span> · {option.nameEn}, {option.prefectureEn}{' '}
                <span className="text-sm text-muted" lang="ja">({option.nameKana})</span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error?.message ? <p id={`${id}-error`} className="m-0 text-sm font-semibold text-danger" role="alert">{translateKey(root, error.message)}</p> : null}
    </fieldset>
  );
}
