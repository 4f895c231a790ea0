'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { answerInterestSchema } from '@/lib/interests/interest-schema';
import { ChoiceGroup } from '../forms/choice-group';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof answerInterestSchema>;
const LANGUAGES = ['ja', 'uk', 'en'] as const;

/** The hromada welcomes a company's interest, or declines it with a reason written in its language. */
export function AnswerInterestForm({ interestId, current, action }: {
  interestId: string;
  current: { response: 'WELCOMED' | 'DECLINED' | null; responseReason: string; responseLanguage: string | null };
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(answerInterestSchema),
    defaultValues: { interestId, response: current.response ?? 'WELCOMED', responseReason: current.responseReason, responseLanguage: (current.responseLanguage ?? locale) as Values['responseLanguage'] },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    router.refresh();
  });
  const formElement = (
    <form method="post" onSubmit={onSubmit} noValidate className="mt-2 grid max-w-2xl gap-3 rounded-lg border border-line bg-paper p-4" data-testid="answer-interest-form">
      <input type="hidden" {...form.register('interestId')} />
      <ChoiceGroup
        type="radio" legend={t('interestAnswer.response')} error={errors.response} checked={[current.response ?? 'WELCOMED']}
        choices={[{ value: 'WELCOMED', label: t('interestAnswer.welcome') }, { value: 'DECLINED', label: t('interestAnswer.decline') }]}
        registration={form.register('response')}
      />
      <TextAreaField label={t('interestAnswer.reason')} hint={t('interestAnswer.reasonHint')} error={errors.responseReason} rows={3} {...form.register('responseReason')} />
      <SelectField label={t('content.writtenIn')} error={errors.responseLanguage} {...form.register('responseLanguage')}>
        {LANGUAGES.map((language) => <option key={language} value={language}>{t(`locales.${language}`)}</option>)}
      </SelectField>
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('interestAnswer.saved') : undefined} />
      <Button type="submit" busy={isSubmitting} className="justify-self-start">{isSubmitting ? t('interestAnswer.submitting') : t('interestAnswer.submit')}</Button>
    </form>
  );
  // Once answered, the form folds away behind "Change the answer": the answer itself is what the hromada reads.
  return current.response
    ? <details className="mt-1"><summary className="cursor-pointer font-semibold text-accent">{t('interestAnswer.change')}</summary>{formElement}</details>
    : formElement;
}
