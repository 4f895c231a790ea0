'use client';

import { useTranslations } from 'next-intl';
import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { cn } from '@/components/ui/cn';
import { translateKey } from './text-field';

const CHOICE_LIST = 'm-0 grid list-none gap-1.5 p-0 [&_label]:flex [&_label]:items-baseline [&_label]:gap-2';

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
    <fieldset className="m-0 grid min-w-0 gap-1.5 border-0 p-0 [&_legend]:mb-1 [&_legend]:p-0 [&_legend]:font-semibold" aria-describedby={describedBy} aria-invalid={error?.message ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="m-0 text-sm text-muted">{hint}</p> : null}
      <ul className={cn(CHOICE_LIST, columns ? 'sm:grid-cols-[repeat(auto-fill,minmax(15rem,1fr))]' : 'max-h-72 overflow-auto')}>
        {choices.map((choice) => (
          <li key={choice.value}>
            <label>
              <input type={type} value={choice.value} defaultChecked={checked.includes(choice.value)} {...registration} />
              <span>
                {choice.label}
                {choice.hint ? <span className="block text-sm text-muted">{choice.hint}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error?.message ? <p id={`${id}-error`} className="m-0 text-sm font-semibold text-danger" role="alert">{translateKey(t, error.message)}</p> : null}
    </fieldset>
  );
}
