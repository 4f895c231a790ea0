'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/run';
import { postMessageSchema, type PostMessageInput } from '@/lib/conversations/schema';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

const LANGUAGES = ['ja', 'uk', 'en'] as const;

/** Write to the other side, in one's own language (the interface's by default); the form empties after sending. */
export function MessageForm({ introductionId, action }: { introductionId: string; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('conversation');
  const tl = useTranslations('locales');
  const tc = useTranslations('content');
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<PostMessageInput>({ resolver: zodResolver(postMessageSchema), defaultValues: { introductionId, body: '', language: locale as PostMessageInput['language'] } });
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    form.reset({ ...values, body: '' }, { keepIsSubmitSuccessful: true });
    router.refresh();
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-3" data-testid="message-form">
      <input type="hidden" {...form.register('introductionId')} />
      <TextAreaField label={t('body')} error={errors.body} rows={4} {...form.register('body')} />
      <SelectField label={tc('writtenIn')} error={errors.language} {...form.register('language')}>
        {LANGUAGES.map((language) => <option key={language} value={language}>{tl(language)}</option>)}
      </SelectField>
      <FormMessage error={errors.root?.server?.message} success={isSubmitSuccessful ? t('sent') : undefined} />
      <Button type="submit" busy={isSubmitting} className="justify-self-start">{isSubmitting ? t('sending') : t('send')}</Button>
    </form>
  );
}
