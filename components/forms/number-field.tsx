'use client';

import { useLocale } from 'next-intl';
import type { FocusEvent, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatNumberInput, parseNumberInput } from '@/lib/i18n/number-input';
import { TextField } from './text-field';

/**
 * An amount (budget, capacity, staff, capital) shown with the reader's digit grouping —
 * "20,000,000", "20 000 000" — and accepted however it is typed, full-width digits included.
 * The form's value stays a number (null when empty): `register(name, numberInput(locale))`.
 * A text input, not type="number": that one drops grouped digits and changes on a wheel turn.
 */
export function NumberField({ label, hint, error, defaultValue, allowDecimals = false, registration }: {
  label: ReactNode;
  hint?: ReactNode;
  error?: { message?: string };
  defaultValue?: number | null;
  allowDecimals?: boolean;
  registration: UseFormRegisterReturn;
}) {
  const locale = useLocale();
  const regroup = (event: FocusEvent<HTMLInputElement>) => {
    const value = parseNumberInput(event.target.value, locale);
    if (typeof value === 'number') event.target.value = formatNumberInput(value, locale);
    return registration.onBlur(event);
  };
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      type="text"
      inputMode={allowDecimals ? 'decimal' : 'numeric'}
      autoComplete="off"
      defaultValue={formatNumberInput(defaultValue, locale)}
      {...registration}
      onBlur={regroup}
    />
  );
}

/** The register options of a NumberField: what was typed, read as a number in `locale`. */
export const numberInput = (locale: string) => ({ setValueAs: (value: unknown) => parseNumberInput(value, locale) });
