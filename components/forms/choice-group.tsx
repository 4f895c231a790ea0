'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { translateKey } from './text-field';

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

/**
 * Checkboxes (several answers) or radios (one) under one legend, with the group's error
 * announced. Initial state comes from `checked` as DOM defaults, so what a person ticks before
 * the page hydrates is kept.
 */
export function ChoiceGroup({ legend, hint, error, choices, checked, type = 'checkbox', registration, columns = false }: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: { message?: string };
  choices: Choice[];
  checked: readonly string[];
  type?: 'checkbox' | 'radio';
  registration: UseFormRegisterReturn;
  columns?: boolean;
}) {
  const id = useId();
  const t = useTranslations();
  const describedBy = [hint ? `${id}-hint` : null, error?.message ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="choice-group" aria-describedby={describedBy} aria-invalid={error?.message ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="field-hint">{hint}</p> : null}
      <ul className={columns ? 'choice-list columns' : 'choice-list'}>
        {choices.map((choice) => (
          <li key={choice.value}>
            <label>
              <input type={type} value={choice.value} defaultChecked={checked.includes(choice.value)} {...registration} />
              <span>
                {choice.label}
                {choice.hint ? <span className="choice-hint">{choice.hint}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error?.message ? <p id={`${id}-error`} className="field-error" role="alert">{translateKey(t, error.message)}</p> : null}
    </fieldset>
  );
}
