'use client';

import { useTranslations } from 'next-intl';
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
};

/** A labelled input whose hint and translated error are announced with it. */
export function TextField({ label, hint, error, ...input }: Props) {
  const id = useId();
  const t = useTranslations();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {error?.message ? <p id={`${id}-error`} className="field-error" role="alert">{translateKey(t, error.message)}</p> : null}
    </div>
  );
}

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; hint?: ReactNode; error?: FieldError; children: ReactNode };

export function SelectField({ label, hint, error, children, ...select }: SelectProps) {
  const id = useId();
  const t = useTranslations();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>{children}</select>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      {error?.message ? <p id={`${id}-error`} className="field-error" role="alert">{translateKey(t, error.message)}</p> : null}
    </div>
  );
}

/** Messages from schemas and the server are catalogue keys; anything else is shown as is. */
export function translateKey(t: ReturnType<typeof useTranslations>, key: string): string {
  return t.has(key) ? t(key) : key;
}
