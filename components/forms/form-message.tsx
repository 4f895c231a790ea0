'use client';

import { useTranslations } from 'next-intl';
import { translateKey } from './text-field';

/** The form-level outcome: an error from the server, or a confirmation. */
export function FormMessage({ error, success }: { error?: string; success?: string }) {
  const t = useTranslations();
  if (error) return <p className="form-error" role="alert">{translateKey(t, error)}</p>;
  if (success) return <p className="form-success" role="status">{success}</p>;
  return null;
}
