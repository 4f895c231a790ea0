'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { hostilityListFormSchema, type HostilityListPreview } from '@/lib/hostility-list/load-edition-schema';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';
import { tableClass } from '@/components/ui/table';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

type Values = z.input<typeof hostilityListFormSchema>;
type Action = (input: unknown) => Promise<ActionResult<HostilityListPreview>>;

/** Load an order of the Ministry: preview what it changes, then apply exactly that preview. */
export function HostilityListForm({ preview, apply }: { preview: Action; apply: Action }) {
  const t = useTranslations('hostilityList');
  const statuses = useTranslations('hostility');
  const root = useTranslations();
  const locale = useLocale() as AppLocale;
  const day = (iso: string) => formatDay(new Date(`${iso}T00:00:00Z`), locale);
  const router = useRouter();
  const [shown, setShown] = useState<{ values: Values; preview: HostilityListPreview } | null>(null);
  const [rowErrors, setRowErrors] = useState<{ line: string; key: string }[]>([]);
  const [applied, setApplied] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(hostilityListFormSchema), defaultValues: { kind: 'AMENDMENT' } });
  const { errors, isSubmitting } = form.formState;

  const failed = (error: Extract<Awaited<ReturnType<Action>>, { ok: false }>['error']) => {
    setRowErrors(Object.entries(error.fieldErrors ?? {})
      .filter(([path]) => path.startsWith('hostilityTable.'))
      .map(([path, key]) => ({ line: path.slice('hostilityTable.'.length), key })));
    applyServerErrors(form, error);
  };
  const onPreview = form.handleSubmit(async (values) => {
    setShown(null);
    setApplied(null);
    setRowErrors([]);
    const result = await preview(values);
    if (!result.ok) return failed(result.error);
    setShown({ values, preview: result.data });
  });
  const [isApplying, setApplying] = useState(false);
  const onApply = async () => {
    if (!shown) return;
    setApplying(true);
    const result = await apply({ ...shown.values, checksum: shown.preview.checksum }).finally(() => setApplying(false));
    if (!result.ok) {
      setShown(null);
      return failed(result.error);
    }
    setShown(null);
    setApplied(t('applied', { count: result.data.changes.length }));
    form.reset({ kind: 'AMENDMENT' });
    router.refresh();
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    form.setValue('hostilityTable', await file.text(), { shouldValidate: true });
    if (!form.getValues('source')) form.setValue('source', file.name);
  };

  return (
    <>
      <form method="post" onSubmit={onPreview} noValidate className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
        <SelectField label={t('kind')} error={errors.kind} {...form.register('kind')}>
          <option value="AMENDMENT">{t('kinds.AMENDMENT')}</option>
          <option value="EDITION">{t('kinds.EDITION')}</option>
        </SelectField>
        <TextField label={t('orderNumber')} error={errors.orderNumber} {...form.register('orderNumber')} />
        <TextField label={t('orderDate')} type="date" error={errors.orderDate} {...form.register('orderDate')} />
        <TextField label={t('source')} hint={t('sourceHint')} error={errors.source} {...form.register('source')} />
        <label className="grid min-w-0 gap-1 [&_label]:font-semibold">
          <span>{t('file')}</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv" onChange={readFile} data-testid="hostility-file" />
        </label>
        <TextAreaField label={t('table')} hint={t('tableHint')} rows={8} error={errors.hostilityTable} {...form.register('hostilityTable')} />
        {rowErrors.length > 0 ? (
          <ul className="form-errors m-0 rounded-md border border-[#f3b8b3] bg-danger-wash px-3 py-2.5 pl-8 text-danger" role="alert" data-testid="hostility-row-errors">
            {rowErrors.map((row) => <li key={row.line}>{t('line', { line: row.line })}: {root(row.key)}</li>)}
          </ul>
        ) : null}
        <FormMessage error={errors.root?.server?.message} success={applied ?? undefined} />
        <Button type="submit" variant="secondary" busy={isSubmitting}>{t('preview')}</Button>
      </form>
      {shown ? (
        <section aria-labelledby="hostility-preview" data-testid="hostility-preview">
          <h2 id="hostility-preview">{t('previewTitle', { day: shown.preview.day })}</h2>
          <p>{t('previewCounts', { rows: shown.preview.rowsRead, ...shown.preview.periods })}</p>
          <p>{t('previewAffected', { needs: shown.preview.needsAffected, matches: shown.preview.storedMatchesAffected })}</p>
          {shown.preview.olderThan ? (
            <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5" role="note" data-testid="hostility-older-order">
              {t('olderOrder', { date: day(shown.values.orderDate), number: shown.preview.olderThan.orderNumber, latestDate: day(shown.preview.olderThan.orderDate) })}
            </p>
          ) : null}
          {shown.preview.changes.length === 0 ? <p>{t('noStatusChanges')}</p> : (
            <table className={tableClass}>
              <thead><tr><th scope="col">{t('hromada')}</th><th scope="col">{t('before')}</th><th scope="col">{t('after')}</th></tr></thead>
              <tbody>
                {shown.preview.changes.map((change) => (
                  <tr key={change.code}>
                    <td data-label={t('hromada')}>{change.nameUk}<div className="text-sm text-muted">{change.nameEn} · {change.code}</div></td>
                    <td data-label={t('before')}>{statuses(change.before.status)}</td>
                    <td data-label={t('after')}>{statuses(change.after.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Button onClick={onApply} busy={isApplying}>{t('apply')}</Button>
        </section>
      ) : null}
    </>
  );
}
