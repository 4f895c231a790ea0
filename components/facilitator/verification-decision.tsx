'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/run';
import { RejectionCategory } from '@/lib/generated/prisma/enums';
import { rejectionFieldsSchema, type RejectionFields } from '@/lib/verification/verification-schema';
import {
  AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogTitle, AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField, translateKey } from '../forms/text-field';

type Action = (input: unknown) => Promise<ActionResult<unknown>>;
type Target = { kind: 'company' | 'municipality'; id: string; expectedVersion: number; name: string };

/** Verify after a confirmation; reject only with a reason, which is emailed to the organisation. */
export function VerificationDecision({ target, action }: { target: Target; action: Action }) {
  return (
    <span className="inline-flex flex-wrap gap-2">
      <VerifyButton target={target} action={action} />
      <RejectDialog target={target} action={action} />
    </span>
  );
}

function VerifyButton({ target, action }: { target: Target; action: Action }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const verify = () =>
    startTransition(async () => {
      const { kind, id, expectedVersion } = target;
      const result = await action({ kind, id, expectedVersion, decision: 'VERIFIED' });
      setOpen(false);
      if (result.ok) toast.success(t('verifications.verified', { name: target.name }));
      else toast.error(translateKey(t, result.error.messageKey));
      router.refresh();
    });
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild><Button size="sm">{t('verifications.verify')}</Button></AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{t('verifications.verifyTitle', { name: target.name })}</AlertDialogTitle>
        <AlertDialogDescription>{t('verifications.verifyDescription')}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel>{t('verifications.cancel')}</AlertDialogCancel>
          <Button busy={isPending} onClick={verify}>{t('verifications.verifyConfirm')}</Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function RejectDialog({ target, action }: { target: Target; action: Action }) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<RejectionFields>({ resolver: zodResolver(rejectionFieldsSchema), defaultValues: { category: null, note: '' } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const { kind, id, expectedVersion } = target;
    const result = await action({ kind, id, expectedVersion, decision: 'REJECTED', ...values });
    if (!result.ok) return applyServerErrors(form as unknown as UseFormReturn<FieldValues, unknown, FieldValues>, result.error);
    setOpen(false);
    toast.success(t('verifications.rejected', { name: target.name }));
    router.refresh();
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild><Button size="sm" variant="secondary">{t('verifications.reject')}</Button></DialogTrigger>
      <DialogContent closeLabel={t('verifications.cancel')}>
        <DialogTitle>{t('verifications.rejectTitle', { name: target.name })}</DialogTitle>
        <DialogDescription>{t('verifications.rejectDescription')}</DialogDescription>
        <form method="post" onSubmit={onSubmit} noValidate className="grid gap-4">
          <SelectField label={t('verifications.category')} error={errors.category} {...form.register('category', { setValueAs: (value: string) => value || null })}>
            <option value="">{t('verifications.categoryNone')}</option>
            {Object.values(RejectionCategory).map((category) => <option key={category} value={category}>{t(`rejectionCategory.${category}`)}</option>)}
          </SelectField>
          <TextAreaField label={t('verifications.note')} hint={t('verifications.noteHint')} error={errors.note} {...form.register('note')} />
          <FormMessage error={errors.root?.server?.message} />
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>{t('verifications.cancel')}</Button>
            <Button type="submit" variant="danger" busy={isSubmitting}>{t('verifications.rejectConfirm')}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
