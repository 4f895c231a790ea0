'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { changePasswordSchema } from '@/lib/auth/schemas';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof changePasswordSchema>;

export function ChangePasswordForm({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('account');
  const hints = useTranslations('signUp');
  const form = useForm<Values>({ resolver: zodResolver(changePasswordSchema) });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    // Every session ended with the change; clear this browser's cookie too.
    await signOut({ callbackUrl: '/sign-in?notice=passwordChanged' });
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-md gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      <TextField label={t('currentPassword')} type="password" autoComplete="current-password" error={errors.currentPassword} {...form.register('currentPassword')} />
      <TextField label={t('newPassword')} type="password" autoComplete="new-password" hint={hints('passwordHint')} error={errors.newPassword} {...form.register('newPassword')} />
      <FormMessage error={errors.root?.server?.message} />
      <Button type="submit" busy={isSubmitting}>{isSubmitting ? t('submitting') : t('submit')}</Button>
    </form>
  );
}
