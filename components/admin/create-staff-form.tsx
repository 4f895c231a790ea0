'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { createStaffUserSchema } from '@/lib/auth/schemas';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof createStaffUserSchema>;
const EMPTY: Values = { name: '', email: '', role: 'FACILITATOR', locale: 'en' };

export function CreateStaffForm({ action }: { action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('users');
  const roles = useTranslations('roles');
  const locales = useTranslations('locales');
  const router = useRouter();
  const [invited, setInvited] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(createStaffUserSchema) });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setInvited(null);
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    form.reset(EMPTY);
    setInvited(t('invited'));
    router.refresh();
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      <TextField label={t('name')} error={errors.name} {...form.register('name')} />
      <TextField label={t('email')} type="email" error={errors.email} {...form.register('email')} />
      <SelectField label={t('role')} error={errors.role} {...form.register('role')}>
        <option value="FACILITATOR">{roles('FACILITATOR')}</option>
        <option value="ADMIN">{roles('ADMIN')}</option>
      </SelectField>
      <SelectField label={t('locale')} defaultValue="en" error={errors.locale} {...form.register('locale')}>
        {(['ja', 'uk', 'en'] as const).map((locale) => <option key={locale} value={locale}>{locales(locale)}</option>)}
      </SelectField>
      <FormMessage error={errors.root?.server?.message} success={invited ?? undefined} />
      <Button type="submit" busy={isSubmitting}>{isSubmitting ? t('submitting') : t('submit')}</Button>
    </form>
  );
}
