'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { Locale } from '@/lib/generated/prisma/enums';
import { registerInterestSchema } from '@/lib/interests/interest-schema';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof registerInterestSchema>;

/** A company tells the hromada it can help, with a note on how. Registering again updates the note. */
export function InterestForm({ needId, note, noteLanguage, action }: { needId: string; note?: string; noteLanguage?: Locale; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('interest');
  const all = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(registerInterestSchema) });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    router.refresh();
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
      <input type="hidden" value={needId} {...form.register('needId')} />
      <TextAreaField label={t('note')} hint={t('noteHint')} error={errors.note} defaultValue={note} {...form.register('note')} />
      <SelectField label={all('content.writtenIn')} error={errors.noteLanguage} defaultValue={noteLanguage ?? locale} {...form.register('noteLanguage')}>
        {Object.values(Locale).map((code) => <option key={code} value={code} lang={code}>{all(`locales.${code}`)}</option>)}
      </SelectField>
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('registered') : undefined} />
      <Button type="submit" busy={isSubmitting}>
        {isSubmitting ? t('submitting') : note !== undefined ? t('update') : t('submit')}
      </Button>
    </form>
  );
}
