'use client';

import { useTranslations } from 'next-intl';
import { translateKey } from './text-field';

/** The form-level outcome: an error from the server, or a confirmation. */
export function FormMessage({ error, success }: { error?: string; success?: string }) {
  const t = useTranslations();
  if (error) return <p className="form-error m-0 rounded-md border border-[#f3b8b3] bg-danger-wash px-3 py-2.5 text-danger" role="alert">{translateKey(t, error)}</p>;
  if (success) return <p className="form-success m-0 rounded-md border border-[#a9d8b6] bg-success-wash px-3 py-2.5 text-success" role="status">{success}</p>;
  return null;
}
