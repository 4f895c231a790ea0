'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { importTenderEvidenceSchema } from '@/lib/evidence/import-schema';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof importTenderEvidenceSchema>;

/** A package file picked by a facilitator, read in the browser and sent as one line of JSON. */
export function EvidenceImportForm({ needId, action }: { needId: string; action: (input: unknown) => Promise<ActionResult<{ status: string }>> }) {
  const t = useTranslations();
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(importTenderEvidenceSchema), defaultValues: { needId, source: 'PROZORRO', packageJson: '' } });
  const { errors, isSubmitting } = form.formState;

  const readFile = async (file: File | undefined) => {
    form.clearErrors('packageJson');
    if (!file) return form.setValue('packageJson', '');
    try {
      form.setValue('packageJson', JSON.stringify(JSON.parse(await file.text())));
    } catch {
      form.setValue('packageJson', '');
      form.setError('packageJson', { message: 'evidence.import.badJson' });
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setDone(null);
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.error);
    setDone(t('evidence.import.done', { status: t(`evidence.status.${result.data.status}`) }));
    router.refresh();
  });

  return (
    <form method="post" className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start" noValidate onSubmit={submit} aria-busy={isSubmitting}>
      <TextField label={t('evidence.import.needId')} error={errors.needId} {...form.register('needId')} />
      <SelectField label={t('evidence.import.source')} error={errors.source} {...form.register('source')}>
        <option value="PROZORRO">{t('evidence.source.PROZORRO')}</option>
        <option value="DREAM">{t('evidence.source.DREAM')}</option>
      </SelectField>
      <TextField label={t('evidence.import.file')} type="file" accept="application/json,.json" error={errors.packageJson} onChange={(event) => void readFile(event.target.files?.[0])} />
      <FormMessage error={errors.root?.server?.message} success={done ?? undefined} />
      <p className="flex flex-wrap items-center gap-3"><Button type="submit" busy={isSubmitting}>{t('evidence.import.submit')}</Button></p>
    </form>
  );
}
