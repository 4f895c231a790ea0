'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { useRouter } from '@/lib/i18n/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { safeReturnPath } from '@/lib/auth/return-path';
import { signInSchema } from '@/lib/auth/schemas';
import { FormMessage } from '../forms/form-message';
import { TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof signInSchema>;

export function SignInForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const t = useTranslations('signIn');
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(signInSchema) });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signIn('credentials', { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // Checked again here: the prop comes from the URL, and the router follows any path.
      router.push(safeReturnPath(callbackUrl));
      router.refresh();
      return;
    }
    // One message for an unknown email and a wrong password: the form must not tell them apart.
    form.setError('root.server', { message: result?.error === 'RATE_LIMITED' ? 'errors.RATE_LIMITED' : 'signIn.failed' });
    form.resetField('password');
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-md gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      {notice ? <p className="form-success m-0 rounded-md border border-[#a9d8b6] bg-success-wash px-3 py-2.5 text-success" role="status">{notice}</p> : null}
      <TextField label={t('email')} type="email" autoComplete="email" error={errors.email} {...form.register('email')} />
      <TextField label={t('password')} type="password" autoComplete="current-password" error={errors.password} {...form.register('password')} />
      <FormMessage error={errors.root?.server?.message} />
      <Button type="submit" busy={isSubmitting}>
        {isSubmitting ? t('submitting') : t('submit')}
      </Button>
      <p><Link href="/forgot-password">{t('forgot')}</Link></p>
      <p>{t('noAccount')} <Link href="/sign-up">{t('signUp')}</Link></p>
    </form>
  );
}
