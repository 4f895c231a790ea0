'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/run';
import { NOTICE_DELIVERIES } from '@/lib/notifications/kinds';
import { noticePreferencesSchema, type NoticePreferencesInput } from '@/lib/notifications/schemas';
import { Button } from '@/components/ui/button';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextField } from '../forms/text-field';

type Props = {
  kinds: { kind: string; delivery: string }[];
  scoreThreshold: number | null;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
};

/** One choice per kind of notice (email at once, daily or weekly digest, in the app only, off). */
export function NoticePreferencesForm({ kinds, scoreThreshold, action }: Props) {
  const t = useTranslations('notifications');
  const form = useForm<NoticePreferencesInput>({
    resolver: zodResolver(noticePreferencesSchema),
    defaultValues: { preferences: kinds as NoticePreferencesInput['preferences'], ...(scoreThreshold !== null ? { scoreThreshold } : {}) },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) applyServerErrors(form, result.error);
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid max-w-2xl min-w-0 gap-4">
      <fieldset className="grid gap-3 rounded-lg border border-line bg-paper p-4 sm:p-5">
        <legend className="px-1 font-bold">{t('preferences.delivery')}</legend>
        {kinds.map((row, index) => (
          <div key={row.kind}>
            <input type="hidden" {...form.register(`preferences.${index}.kind`)} />
            <SelectField label={t(`kindNames.${row.kind}`)} error={errors.preferences?.[index]?.delivery} {...form.register(`preferences.${index}.delivery`)}>
              {NOTICE_DELIVERIES.map((delivery) => <option key={delivery} value={delivery}>{t(`preferences.deliveries.${delivery}`)}</option>)}
            </SelectField>
          </div>
        ))}
      </fieldset>
      {scoreThreshold !== null ? (
        <TextField type="number" min={0} max={100} inputMode="numeric" label={t('preferences.threshold')} hint={t('preferences.thresholdHint')} error={errors.scoreThreshold} {...form.register('scoreThreshold')} />
      ) : null}
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('preferences.saved') : undefined} />
      <Button type="submit" busy={isSubmitting} className="justify-self-start">{t('preferences.save')}</Button>
    </form>
  );
}
