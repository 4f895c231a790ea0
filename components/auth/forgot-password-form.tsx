'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { requestPasswordResetSchema } from '@/lib/auth/schemas';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof requestPasswordResetSchema>;

export function ForgotPasswordForm({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('forgotPassword');
  const [isSent, setIsSent] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(requestPasswordResetSchema) });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) setIsSent(true);
    else applyServerErrors(form, result.error);
  });
  if (isSent) return <p className="form-success m-0 rounded-md border border-[#a9d8b6] bg-success-wash px-3 py-2.5 text-success" role="status">{t('sent')}</p>;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-md gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      <TextField label={t('email')} type="email" autoComplete="email" error={errors.email} {...form.register('email')} />
      <FormMessage error={errors.root?.server?.message} />
      <Button type="submit" busy={isSubmitting}>{isSubmitting ? t('submitting') : t('submit')}</Button>
    </form>
  );
}
