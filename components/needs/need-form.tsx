'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { Capability, Currency, FundingSource, Locale, ProcurementMethod, SectorCode, Stage, Urgency } from '@/lib/generated/prisma/enums';
import { useRouter } from '@/lib/i18n/navigation';
import { needSchema, TENDER_ID_FIELD, type NeedFields, type TenderIdField } from '@/lib/needs/need-schema';
import { ChoiceGroup } from '../forms/choice-group';
import { emptyToNull } from '../forms/empty-to-null';
import { FormMessage } from '../forms/form-message';
import { NumberField, numberInput } from '../forms/number-field';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField, TextField } from '../forms/text-field';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof needSchema>;

/**
 * Posting or editing a need. A new need carries an id generated with the form, so a second
 * submit (a double click, a retried request) finds the first need instead of adding another.
 */
export function NeedForm({ need, needId, version, action }: {
  need?: NeedFields;
  needId?: string;
  version?: number;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [requestId] = useState(() => crypto.randomUUID());
  // Choices get react-hook-form defaults (it cannot read pre-ticked checkbox groups from the
  // DOM); typed fields keep DOM defaults so nothing typed before hydration is overwritten.
  const form = useForm<Values>({
    resolver: zodResolver(needSchema),
    defaultValues: { requiredCapabilities: need?.requiredCapabilities ?? [], ...(need ? { stage: need.stage, procurementMethod: need.procurementMethod } : {}) },
  });
  const locale = useLocale();
  // Only the tender id the chosen procurement method asks for is shown and sent.
  const method = useWatch({ control: form.control, name: 'procurementMethod' });
  const tenderId: TenderIdField | null = method && method in TENDER_ID_FIELD ? TENDER_ID_FIELD[method as keyof typeof TENDER_ID_FIELD] : null;
  const { errors, isSubmitting, isSubmitSuccessful } = form.formState;

  // A hidden id is no answer: an id typed before switching methods is neither checked nor sent.
  useEffect(() => {
    for (const field of ['prozorroTenderId', 'dreamProjectId'] as const) {
      if (field !== tenderId) form.setValue(field, null);
    }
  }, [form, tenderId]);

  const onSubmit = form.handleSubmit(async (values) => {
    const input = needId ? { needId, expectedVersion: version, need: values } : { requestId, need: values };
    const result = await action(input);
    if (!result.ok) return applyServerErrors(form, result.error, 'need.');
    toast.success(t(needId ? 'needForm.saved' : 'needForm.draftSaved'));
    router.push(`/needs/${(result.data as { needId: string }).needId}`);
    router.refresh();
  });

  const options = (codes: readonly string[], namespace: string) => codes.map((code) => <option key={code} value={code}>{t(`${namespace}.${code}`)}</option>);
  const busy = isSubmitting || isSubmitSuccessful;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-4xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start" aria-busy={busy}>
      <fieldset>
        <legend>{t('needForm.what')}</legend>
        <TextField label={t('needForm.needTitle')} hint={t('needForm.titleHint')} error={errors.title} defaultValue={need?.title} {...form.register('title')} />
        <TextAreaField label={t('needForm.description')} hint={t('needForm.descriptionHint')} error={errors.description} defaultValue={need?.description} {...form.register('description')} />
        {/* Defaults to the interface language: most people write in the language they read. */}
        <SelectField label={t('content.writtenIn')} hint={t('content.writtenInHint')} error={errors.language} defaultValue={need?.language ?? locale} {...form.register('language')}>
          {Object.values(Locale).map((code) => <option key={code} value={code} lang={code}>{t(`locales.${code}`)}</option>)}
        </SelectField>
        <SelectField label={t('needs.sector')} error={errors.sector} defaultValue={need?.sector ?? ''} {...form.register('sector')}>
          <option value="" disabled>{t('common.choose')}</option>
          {options(Object.values(SectorCode), 'sector')}
        </SelectField>
        <ChoiceGroup
          type="radio"
          legend={t('needs.stage')}
          error={errors.stage}
          checked={need ? [need.stage] : []}
          choices={Object.values(Stage).map((code) => ({ value: code, label: t(`stage.${code}`), hint: t(`stageHint.${code}`) }))}
          registration={form.register('stage')}
        />
        <SelectField label={t('needs.urgency')} error={errors.urgency} defaultValue={need?.urgency ?? ''} {...form.register('urgency')}>
          <option value="" disabled>{t('common.choose')}</option>
          {options(Object.values(Urgency), 'urgency')}
        </SelectField>
        <ChoiceGroup
          legend={t('needForm.requiredCapabilities')}
          hint={t('needForm.requiredCapabilitiesHint')}
          error={errors.requiredCapabilities}
          checked={need?.requiredCapabilities ?? []}
          choices={Object.values(Capability).map((code) => ({ value: code, label: t(`capability.${code}`) }))}
          registration={form.register('requiredCapabilities')}
          columns
        />
      </fieldset>
      <fieldset>
        <legend>{t('needForm.money')}</legend>
        <div className="flex flex-wrap items-end gap-4">
          <NumberField label={t('needs.budget')} allowDecimals error={errors.budgetAmount} defaultValue={need?.budgetAmount} registration={form.register('budgetAmount', numberInput(locale))} />
          <SelectField label={t('needForm.currency')} error={errors.budgetCurrency} defaultValue={need?.budgetCurrency ?? ''} {...form.register('budgetCurrency', { setValueAs: emptyToNull })}>
            <option value="">{t('common.unknown')}</option>
            {Object.values(Currency).map((code) => <option key={code} value={code}>{code}</option>)}
          </SelectField>
        </div>
        <SelectField label={t('needForm.fundingSource')} error={errors.fundingSource} defaultValue={need?.fundingSource ?? ''} {...form.register('fundingSource')}>
          <option value="" disabled>{t('common.choose')}</option>
          {options(Object.values(FundingSource), 'fundingSource')}
        </SelectField>
        <SelectField label={t('needForm.procurementMethod')} hint={t('needForm.procurementHint')} error={errors.procurementMethod} defaultValue={need?.procurementMethod ?? ''} {...form.register('procurementMethod')}>
          <option value="" disabled>{t('common.choose')}</option>
          {options(Object.values(ProcurementMethod), 'procurementMethod')}
        </SelectField>
        {tenderId === 'prozorroTenderId' ? (
          <TextField label={t('needForm.prozorroTenderId')} hint={t('needForm.prozorroHint')} error={errors.prozorroTenderId} defaultValue={need?.prozorroTenderId ?? ''} {...form.register('prozorroTenderId', { setValueAs: emptyToNull })} />
        ) : null}
        {tenderId === 'dreamProjectId' ? (
          <TextField label={t('needForm.dreamProjectId')} error={errors.dreamProjectId} defaultValue={need?.dreamProjectId ?? ''} {...form.register('dreamProjectId', { setValueAs: emptyToNull })} />
        ) : null}
      </fieldset>
      <FormMessage error={errors.root?.server?.message} />
      <Button type="submit" busy={busy}>
        {busy ? t('common.saving') : needId ? t('needForm.saveChanges') : t('needForm.saveDraft')}
      </Button>
    </form>
  );
}
