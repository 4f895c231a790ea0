'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/run';
import { closeNeedSchema, type CloseNeedInput } from '@/lib/needs/need-schema';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { ChoiceGroup } from '../forms/choice-group';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField } from '../forms/text-field';

const REASONS = ['FULFILLED', 'CANCELLED', 'DUPLICATE'] as const;

/**
 * Closing asks why before it happens: fulfilled, cancelled, or a duplicate (of which need, when
 * the municipality has others). It can be undone, and the dialog says so.
 */
export function CloseNeedDialog({ needId, expectedVersion, candidates, action }: {
  needId: string;
  expectedVersion: number;
  candidates: { id: string; title: string }[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('needClose');
  const reasons = useTranslations('needCloseReason');
  const hints = useTranslations('needCloseReasonHint');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<CloseNeedInput>({
    resolver: zodResolver(closeNeedSchema),
    defaultValues: { needId, expectedVersion, reason: undefined, duplicateOfNeedId: null },
  });
  const { errors, isSubmitting } = form.formState;
  const reason = useWatch({ control: form.control, name: 'reason' });
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action({ ...values, duplicateOfNeedId: values.reason === 'DUPLICATE' ? values.duplicateOfNeedId || null : null });
    if (!result.ok) return applyServerErrors(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, result.error);
    setOpen(false);
    toast.success(t('closed'));
    router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild><Button variant="secondary">{t('open')}</Button></DialogTrigger>
      <DialogContent closeLabel={t('cancel')}>
        <DialogTitle>{t('title')}</DialogTitle>
        <DialogDescription>{t('description')}</DialogDescription>
        <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
          <ChoiceGroup
            type="radio"
            legend={t('reasonLegend')}
            choices={REASONS.map((value) => ({ value, label: reasons(value), hint: hints(value) }))}
            checked={[]}
            error={errors.reason}
            registration={form.register('reason')}
          />
          {reason === 'DUPLICATE' && candidates.length > 0 ? (
            <SelectField
              label={t('duplicateOf')}
              hint={t('duplicateOfHint')}
              error={errors.duplicateOfNeedId}
              {...form.register('duplicateOfNeedId', { setValueAs: (value: string) => value || null })}
            >
              <option value="">{t('duplicateOfNone')}</option>
              {candidates.map((need) => <option key={need.id} value={need.id}>{need.title}</option>)}
            </SelectField>
          ) : null}
          <FormMessage error={errors.root?.server?.message} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>{t('cancel')}</Button>
            <Button type="submit" variant="danger" busy={isSubmitting}>{isSubmitting ? t('closing') : t('confirm')}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
