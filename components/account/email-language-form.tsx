'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { emailLanguageSchema } from '@/lib/accounts/preference-schema';
import type { ActionResult } from '@/lib/actions/run';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof emailLanguageSchema>;

export function EmailLanguageForm({ locale, action }: { locale: string; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations();
  const form = useForm<Values>({ resolver: zodResolver(emailLanguageSchema) });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) applyServerErrors(form, result.error);
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-md gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      <SelectField label={t('signUp.locale')} hint={t('account.emailLanguageHint')} defaultValue={locale} error={errors.locale} {...form.register('locale')}>
        {(['ja', 'uk', 'en'] as const).map((code) => <option key={code} value={code}>{t(`locales.${code}`)}</option>)}
      </SelectField>
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('account.emailLanguageSaved') : undefined} />
      <Button type="submit" variant="secondary" busy={isSubmitting}>
        {isSubmitting ? t('common.saving') : t('account.saveEmailLanguage')}
      </Button>
    </form>
  );
}
