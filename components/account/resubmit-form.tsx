'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/run';
import { resubmitVerificationSchema, type ResubmitVerificationInput } from '@/lib/verification/verification-schema';
import { Button } from '@/components/ui/button';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { TextAreaField } from '../forms/text-field';

/** After fixing its details, the organisation asks a facilitator to check it again. */
export function ResubmitForm({ expectedVersion, action }: { expectedVersion: number; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('verificationState');
  const router = useRouter();
  const form = useForm<ResubmitVerificationInput>({ resolver: zodResolver(resubmitVerificationSchema), defaultValues: { expectedVersion, note: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, result.error);
    toast.success(t('resubmitted'));
    router.refresh();
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid gap-3">
      <TextAreaField label={t('note')} hint={t('noteHint')} error={errors.note} {...form.register('note')} />
      <FormMessage error={errors.root?.server?.message} />
      <div><Button type="submit" busy={isSubmitting}>{t('resubmit')}</Button></div>
    </form>
  );
}
