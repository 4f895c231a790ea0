'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { inviteCompanySchema } from '@/lib/interests/interest-schema';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof inviteCompanySchema>;
const LANGUAGES = ['ja', 'uk', 'en'] as const;

/** The hromada invites a recommended company, with a message written in its language (opened from a summary, so the list stays short). */
export function InviteForm({ needId, companyId, companyName, action }: { needId: string; companyId: string; companyName: string; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(inviteCompanySchema), defaultValues: { needId, companyId, note: '', noteLanguage: locale as Values['noteLanguage'] } });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    router.refresh();
  });
  return (
    <details className="mt-1">
      <summary className="cursor-pointer font-semibold text-accent">{t('invitation.invite')}</summary>
      <form method="post" onSubmit={onSubmit} noValidate className="mt-2 grid max-w-2xl gap-3" data-testid="invite-form">
        <input type="hidden" {...form.register('needId')} />
        <input type="hidden" {...form.register('companyId')} />
        <TextAreaField label={t('invitation.message')} hint={t('invitation.messageHint')} error={errors.note} rows={3} {...form.register('note')} />
        <SelectField label={t('content.writtenIn')} error={errors.noteLanguage} {...form.register('noteLanguage')}>
          {LANGUAGES.map((language) => <option key={language} value={language}>{t(`locales.${language}`)}</option>)}
        </SelectField>
        <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('invitation.sent', { company: companyName }) : undefined} />
        <Button type="submit" busy={isSubmitting} className="justify-self-start">{isSubmitting ? t('invitation.sending') : t('invitation.send')}</Button>
      </form>
    </details>
  );
}
