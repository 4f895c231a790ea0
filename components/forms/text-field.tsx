'use client';

import { useTranslations } from 'next-intl';
import { Input, Select, Textarea } from '@/components/ui/input';
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { readMessage } from '@/lib/validation-message';

type FieldProps = { label: ReactNode; hint?: ReactNode; error?: { message?: string } };
type ControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** Label, hint and translated error around one control, all announced with it. */
function FieldShell({ label, hint, error, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const t = useTranslations();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="grid min-w-0 gap-1 [&_label]:font-semibold">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? <p id={`${id}-hint`} className="m-0 text-sm text-muted">{hint}</p> : null}
      {error?.message ? <p id={`${id}-error`} className="m-0 text-sm font-semibold text-danger" role="alert">{translateKey(t, error.message)}</p> : null}
    </div>
  );
}

export function TextField({ label, hint, error, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return <FieldShell label={label} hint={hint} error={error}>{(control) => <Input {...control} {...input} />}</FieldShell>;
}

export function SelectField({ label, hint, error, children, ...select }: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { children: ReactNode }) {
  return <FieldShell label={label} hint={hint} error={error}>{(control) => <Select {...control} {...select}>{children}</Select>}</FieldShell>;
}

/**
 * Messages from schemas and the server are catalogue keys, perhaps with their values
 * ("validation.tooShort" with min 5, see lib/validation-message.ts); anything else is shown as is.
 */
export function translateKey(t: ReturnType<typeof useTranslations>, message: string): string {
  const { key, values } = readMessage(message);
  return t.has(key) ? t(key, values) : message;
}

export function TextAreaField({ label, hint, error, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return <FieldShell label={label} hint={hint} error={error}>{(control) => <Textarea rows={5} {...control} {...textarea} />}</FieldShell>;
}
