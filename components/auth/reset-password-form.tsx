'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { resetPasswordSchema } from '@/lib/auth/schemas';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof resetPasswordSchema>;

export function ResetPasswordForm({ token, action }: { token: string; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('resetPassword');
  const hints = useTranslations('signUp');
  const [isDone, setIsDone] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(resetPasswordSchema) });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (result.ok) setIsDone(true);
    else applyServerErrors(form, result.error);
  });
  if (isDone) return <p className="form-success m-0 rounded-md border border-[#a9d8b6] bg-success-wash px-3 py-2.5 text-success" role="status">{t('done')} <Link href="/sign-in">{t('signIn')}</Link></p>;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-md gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      <input type="hidden" defaultValue={token} {...form.register('token')} />
      <TextField label={t('password')} type="password" autoComplete="new-password" hint={hints('passwordHint')} error={errors.password} {...form.register('password')} />
      <FormMessage error={errors.token?.message ?? errors.root?.server?.message} />
      <Button type="submit" busy={isSubmitting}>{isSubmitting ? t('submitting') : t('submit')}</Button>
    </form>
  );
}
