'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { FormProvider, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { signUpCompanySchema } from '@/lib/auth/schemas';
import { RiskAppetite, SmeIndustry } from '@/lib/generated/prisma/enums';
import { FormMessage } from '../forms/form-message';
import { MunicipalityField } from '../company/municipality-field';
import { NumberField, numberInput } from '../forms/number-field';
import { SelectField, TextField } from '../forms/text-field';
import { AccountFields } from './account-fields';
import { SignUpSent } from './sign-up-sent';
import { useSignUpSubmit } from './use-sign-up-submit';
import { Button } from '@/components/ui/button';

type Values = z.input<typeof signUpCompanySchema>;
type Prefecture = { code: string; nameJa: string; nameEn: string };

export function SignUpCompanyForm({ prefectures, action }: { prefectures: Prefecture[]; action: (input: unknown) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('signUpCompany');
  const common = useTranslations('signUp');
  const risk = useTranslations('riskAppetite');
  const industry = useTranslations('industry');
  const locale = useLocale();
  // No defaultValues: react-hook-form would write them over whatever was typed before the
  // page hydrated. Selects carry their default in the markup instead.
  const form = useForm<Values>({ resolver: zodResolver(signUpCompanySchema) });
  const errors = form.formState.errors;
  const companyErrors = errors.company ?? {};
  const { onSubmit, sentTo } = useSignUpSubmit(form, action);
  const { isSubmitting } = form.formState;

  if (sentTo) return <SignUpSent email={sentTo} />;
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-2xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start">
        <AccountFields defaultLocale="ja" />
        <fieldset>
          <legend>{t('company')}</legend>
          <TextField label={t('legalNameJa')} lang="ja" error={companyErrors.legalNameJa} {...form.register('company.legalNameJa')} />
          <TextField label={t('legalNameEn')} error={companyErrors.legalNameEn} {...form.register('company.legalNameEn')} />
          <TextField label={t('corporateNumber')} inputMode="numeric" hint={t('corporateNumberHint')} error={companyErrors.corporateNumber} {...form.register('company.corporateNumber')} />
          <SelectField label={t('prefecture')} defaultValue="27" error={companyErrors.prefectureCode} {...form.register('company.prefectureCode')}>
            {prefectures.map((prefecture) => <option key={prefecture.code} value={prefecture.code}>{prefecture.nameEn} {prefecture.nameJa}</option>)}
          </SelectField>
          <MunicipalityField form={form} prefix="company." />
          <TextField label={t('cityJa')} lang="ja" error={companyErrors.cityJa} {...form.register('company.cityJa')} />
          <TextField label={t('cityEn')} error={companyErrors.cityEn} {...form.register('company.cityEn')} />
          <SelectField label={t('industry')} error={companyErrors.industry} {...form.register('company.industry')}>
            {Object.values(SmeIndustry).map((value) => <option key={value} value={value}>{industry(value)}</option>)}
          </SelectField>
          <NumberField label={t('employees')} error={companyErrors.employees} registration={form.register('company.employees', numberInput(locale))} />
          <NumberField label={t('capitalJpy')} error={companyErrors.capitalJpy} registration={form.register('company.capitalJpy', numberInput(locale))} />
          <SelectField label={t('riskAppetite')} defaultValue="POSSIBLE_HOSTILITIES" hint={t('riskAppetiteHint')} error={companyErrors.riskAppetite} {...form.register('company.riskAppetite')}>
            {Object.values(RiskAppetite).map((value) => <option key={value} value={value}>{risk(value)}</option>)}
          </SelectField>
        </fieldset>
        <p className="m-0 text-sm text-muted">{common('afterwards')}</p>
        <FormMessage error={errors.root?.server?.message} />
        <Button type="submit" busy={isSubmitting}>
          {isSubmitting ? common('submitting') : common('submit')}
        </Button>
      </form>
    </FormProvider>
  );
}
