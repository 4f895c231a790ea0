'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import type { TranslationSlot } from '@/lib/content/translation-editor';
import { saveTranslationSchema } from '@/lib/content/translation-schema';
import type { Written } from '@/lib/content/types';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { TextAreaField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof saveTranslationSchema>;

/**
 * One text's translation into one language. It names the version it was opened at: a
 * translation someone saved meanwhile is refused (CONFLICT) rather than overwritten.
 */
export function TranslationForm({ written, slot, multiLine, label, action }: {
  written: Written;
  slot: TranslationSlot;
  multiLine: boolean;
  label: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('content');
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(saveTranslationSchema),
    defaultValues: { subject: written.subject, subjectId: written.subjectId, field: written.field, locale: slot.locale, translation: slot.text, expectedVersion: slot.version },
  });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    form.setValue('expectedVersion', (result.data as { version: number }).version);
    // A toast as well: in the queue the item leaves the list once translated.
    toast.success(t('saved'));
    router.refresh();
  });
  const field = { label, error: errors.translation, lang: slot.locale, ...form.register('translation') };
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 gap-2" data-translation-form={`${written.field}:${slot.locale}`}>
      {multiLine ? <TextAreaField {...field} /> : <TextField {...field} />}
      {slot.origin ? (
        <p className="m-0 text-sm text-muted">
          {t(`origin.${slot.origin}`)}{slot.outdated ? ` · ${t('outdated')}` : ''}
        </p>
      ) : null}
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('saved') : undefined} />
      <Button type="submit" variant="secondary" size="sm" busy={isSubmitting} className="justify-self-start">
        {isSubmitting ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
