'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { recordPipelineStepSchema } from '@/lib/follow-through/schema';
import type { PipelineStepKind } from '@/lib/generated/prisma/enums';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof recordPipelineStepSchema>;

/** Records the next step after an introduction; a published tender asks for its identifier. */
export function PipelineStepForm({ introductionId, step, today, action }: {
  introductionId: string; step: PipelineStepKind; today: string; action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('followThrough');
  const router = useRouter();
  const isTender = step === 'TENDER_PUBLISHED';
  const form = useForm<Values>({
    resolver: zodResolver(recordPipelineStepSchema),
    defaultValues: { introductionId, step, occurredOn: today, tenderSource: isTender ? 'PROZORRO' : null, tenderId: null, note: '' },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    form.reset(values);
    router.refresh();
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-2xl gap-4 rounded-lg border border-line bg-paper p-4 sm:p-5" data-testid="pipeline-step-form">
      <h2 className="m-0 text-lg">{t('form.title', { step: t(`steps.${step}`) })}</h2>
      <input type="hidden" {...form.register('introductionId')} />
      <input type="hidden" {...form.register('step')} />
      <TextField type="date" label={t('form.occurredOn')} max={today} error={errors.occurredOn} {...form.register('occurredOn')} />
      {isTender ? (
        <div className="grid gap-4 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]">
          <SelectField label={t('form.tenderSource')} error={errors.tenderSource} {...form.register('tenderSource')}>
            <option value="PROZORRO">Prozorro</option>
            <option value="DREAM">DREAM</option>
          </SelectField>
          <TextField label={t('form.tenderId')} hint={t('form.tenderIdHint')} error={errors.tenderId} autoComplete="off" spellCheck={false} {...form.register('tenderId')} />
        </div>
      ) : null}
      <TextAreaField label={t('form.note')} error={errors.note} rows={3} {...form.register('note')} />
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('form.saved') : undefined} />
      <Button type="submit" className="justify-self-start" busy={isSubmitting}>
        {isSubmitting ? t('form.submitting') : t('form.submit')}
      </Button>
    </form>
  );
}
