'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import type { HromadaOption } from '@/lib/reference/search-hromadas';
import { translateKey } from '../forms/text-field';

/**
 * Finds a hromada in the official list by its Ukrainian or English name. Results are a radio
 * group, so choosing one works from the keyboard and is announced by screen readers.
 */
export function HromadaPicker({ value, onChange, error }: { value: string; onChange: (code: string) => void; error?: FieldError }) {
  const t = useTranslations('signUpMunicipality');
  const root = useTranslations();
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<HromadaOption[]>([]);
  const [isSearching, setIsSearching] = useState(false);

  useEffect(() => {
    if (query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setIsSearching(true);
      try {
        const response = await fetch(`/api/hromadas?q=${encodeURIComponent(query.trim())}`, { signal: controller.signal });
        if (response.ok) setOptions(((await response.json()) as { hromadas: HromadaOption[] }).hromadas);
      } catch {
        // aborted by a newer query
      } finally {
        setIsSearching(false);
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const visible = query.trim().length < 2 ? [] : options;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('hromada')}</legend>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('hromadaSearch')}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
        <p id={`${id}-hint`} className="field-hint">{t('hromadaHint')}</p>
      </div>
      <div role="status" aria-live="polite" className="field-hint">
        {isSearching ? '…' : query.trim().length >= 2 && visible.length === 0 ? t('noResults') : null}
      </div>
      {visible.length > 0 ? (
        <ul className="choice-list">
          {visible.map((option) => (
            <li key={option.code}>
              <label>
                <input type="radio" name={`${id}-hromada`} value={option.code} checked={value === option.code} disabled={option.isClaimed} onChange={() => onChange(option.code)} />
                <span lang="uk">{option.nameUk}</span> · {option.nameEn} <span className="secondary">({option.oblastEn} / <span lang="uk">{option.oblastUk}</span>)</span>
                {option.isClaimed ? <span className="secondary"> — {t('claimed')}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error?.message ? <p id={`${id}-error`} className="field-error" role="alert">{translateKey(root, error.message)}</p> : null}
    </fieldset>
  );
}
