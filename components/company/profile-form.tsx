'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/run';
import { companyProfileSchema, type CompanyProfile } from '@/lib/companies/profile-schema';
import { Capability, DeliveryMode, Locale, RiskAppetite, SectorCode, SmeIndustry, Stage, TenderRequirement } from '@/lib/generated/prisma/enums';
import { POST_CONFLICT_COUNTRIES } from '@/lib/matching/prepare';
import { ChoiceGroup } from '../forms/choice-group';
import { emptyToNull } from '../forms/empty-to-null';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { SelectField, TextAreaField, TextField } from '../forms/text-field';
import { MunicipalityPicker } from './municipality-picker';
import { buttonVariants } from '@/components/ui/button';

type Values = z.input<typeof companyProfileSchema>;
type Prefecture = { code: string; nameJa: string; nameEn: string };

/**
 * The company's profile: what it does, where it will work and how. Initial values are DOM
 * defaults (not react-hook-form defaults), so nothing typed before hydration is overwritten.
 */
export function CompanyProfileForm({ companyId, version, profile, municipalityName, prefectures, locale, action }: {
  companyId: string;
  version: number;
  profile: CompanyProfile;
  /** The picked municipality's names, for "Chosen: …"; undefined while none is picked. */
  municipalityName?: string;
  prefectures: Prefecture[];
  locale: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const [savedVersion, setSavedVersion] = useState(version);
  const [saved, setSaved] = useState(false);
  // Choices get react-hook-form defaults (it cannot read pre-ticked checkbox groups from the
  // DOM); typed fields keep DOM defaults so nothing typed before hydration is overwritten.
  const form = useForm<Values>({
    resolver: zodResolver(companyProfileSchema),
    defaultValues: {
      sectors: profile.sectors, capabilities: profile.capabilities, riskAppetite: profile.riskAppetite,
      deliveryModes: profile.deliveryModes, stages: profile.stages, tenderRequirement: profile.tenderRequirement,
      experienceCountries: profile.experienceCountries, languages: profile.languages,
      hasDisasterReconstructionExperience: profile.hasDisasterReconstructionExperience,
      municipalityCode: profile.municipalityCode ?? undefined,
    },
  });
  const [chosenName, setChosenName] = useState(municipalityName);
  const { errors, isSubmitting } = form.formState;
  const countries = new Intl.DisplayNames([locale], { type: 'region' });

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await action({ companyId, expectedVersion: savedVersion, profile: values });
    if (!result.ok) return applyServerErrors(form, result.error, 'profile.');
    setSavedVersion((result.data as { version: number }).version);
    setSaved(true);
  });

  const options = (codes: readonly string[], namespace: string, hints?: string) =>
    codes.map((code) => ({ value: code, label: t(`${namespace}.${code}`), hint: hints ? t(`${hints}.${code}`) : undefined }));

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-4xl gap-4 [&>fieldset]:grid [&>fieldset]:gap-4 [&>fieldset]:rounded-lg [&>fieldset]:border [&>fieldset]:border-line [&>fieldset]:bg-paper [&>fieldset]:p-4 sm:[&>fieldset]:p-5 [&>fieldset>legend]:px-1 [&>fieldset>legend]:font-bold [&>button]:justify-self-start" aria-busy={isSubmitting}>
      <fieldset>
        <legend>{t('profile.whatYouDo')}</legend>
        <ChoiceGroup legend={t('profile.sectors')} error={errors.sectors} checked={profile.sectors} choices={options(Object.values(SectorCode), 'sector')} registration={form.register('sectors')} columns />
        <ChoiceGroup legend={t('profile.capabilities')} hint={t('profile.capabilitiesHint')} error={errors.capabilities} checked={profile.capabilities} choices={options(Object.values(Capability), 'capability')} registration={form.register('capabilities')} columns />
        <TextAreaField label={t('profile.descriptionJa')} lang="ja" error={errors.descriptionJa} defaultValue={profile.descriptionJa} {...form.register('descriptionJa')} />
        <TextAreaField label={t('profile.descriptionEn')} lang="en" error={errors.descriptionEn} defaultValue={profile.descriptionEn} {...form.register('descriptionEn')} />
      </fieldset>

      <fieldset>
        <legend>{t('profile.whereAndHow')}</legend>
        <ChoiceGroup type="radio" legend={t('profile.riskAppetite')} hint={t('profile.riskAppetiteHint')} error={errors.riskAppetite} checked={[profile.riskAppetite]} choices={options(Object.values(RiskAppetite), 'riskAppetite', 'riskAppetiteExplained')} registration={form.register('riskAppetite')} />
        <ChoiceGroup legend={t('profile.deliveryModes')} hint={t('profile.deliveryModesHint')} error={errors.deliveryModes} checked={profile.deliveryModes} choices={options(Object.values(DeliveryMode), 'deliveryMode')} registration={form.register('deliveryModes')} />
        <ChoiceGroup legend={t('profile.stages')} error={errors.stages} checked={profile.stages} choices={options(Object.values(Stage), 'stage', 'stageHint')} registration={form.register('stages')} />
        <ChoiceGroup type="radio" legend={t('profile.tenderRequirement')} hint={t('profile.tenderRequirementHint')} error={errors.tenderRequirement} checked={[profile.tenderRequirement]} choices={options(Object.values(TenderRequirement), 'tenderRequirement')} registration={form.register('tenderRequirement')} />
        <TextField label={t('profile.maxProjectEur')} hint={t('profile.maxProjectEurHint')} type="number" inputMode="numeric" min={1} error={errors.maxProjectEur} defaultValue={profile.maxProjectEur ?? ''} {...form.register('maxProjectEur', { setValueAs: emptyToNull })} />
      </fieldset>

      <fieldset>
        <legend>{t('profile.experience')}</legend>
        <ChoiceGroup
          legend={t('profile.experienceCountries')}
          hint={t('profile.experienceCountriesHint')}
          error={errors.experienceCountries}
          checked={profile.experienceCountries}
          choices={[...POST_CONFLICT_COUNTRIES].map((code) => ({ value: code, label: countries.of(code) ?? code }))}
          registration={form.register('experienceCountries')}
          columns
        />
        <label className="flex items-baseline gap-2">
          <input type="checkbox" defaultChecked={profile.hasDisasterReconstructionExperience} {...form.register('hasDisasterReconstructionExperience')} />
          {t('profile.disasterExperience')}
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('profile.companyFacts')}</legend>
        <SelectField label={t('signUpCompany.prefecture')} error={errors.prefectureCode} defaultValue={profile.prefectureCode} {...form.register('prefectureCode')}>
          {prefectures.map((p) => <option key={p.code} value={p.code}>{locale === 'ja' ? p.nameJa : `${p.nameEn} ${p.nameJa}`}</option>)}
        </SelectField>
        <Controller
          control={form.control}
          name="municipalityCode"
          render={({ field, fieldState }) => (
            <MunicipalityPicker
              value={field.value ?? undefined}
              chosenName={chosenName}
              error={fieldState.error}
              onChange={(option) => {
                // The list places the company; the names below start from it and stay editable.
                setChosenName(`${option.prefectureJa}${option.nameJa} · ${option.nameEn}`);
                field.onChange(option.code);
                form.setValue('prefectureCode', option.prefectureCode);
                form.setValue('cityJa', option.nameJa);
                form.setValue('cityEn', option.nameEn);
              }}
            />
          )}
        />
        <TextField label={t('signUpCompany.cityJa')} lang="ja" error={errors.cityJa} defaultValue={profile.cityJa} {...form.register('cityJa')} />
        <TextField label={t('signUpCompany.cityEn')} error={errors.cityEn} defaultValue={profile.cityEn} {...form.register('cityEn')} />
        <SelectField label={t('signUpCompany.industry')} error={errors.industry} defaultValue={profile.industry} {...form.register('industry')}>
          {Object.values(SmeIndustry).map((code) => <option key={code} value={code}>{t(`industry.${code}`)}</option>)}
        </SelectField>
        <TextField label={t('signUpCompany.employees')} type="number" inputMode="numeric" min={1} error={errors.employees} defaultValue={profile.employees} {...form.register('employees')} />
        <TextField label={t('signUpCompany.capitalJpy')} type="number" inputMode="numeric" min={0} error={errors.capitalJpy} defaultValue={profile.capitalJpy} {...form.register('capitalJpy')} />
        <ChoiceGroup legend={t('profile.languages')} error={errors.languages} checked={profile.languages} choices={Object.values(Locale).map((code) => ({ value: code, label: t(`locales.${code}`) }))} registration={form.register('languages')} />
      </fieldset>

      <fieldset>
        <legend>{t('profile.contact')}</legend>
        <TextField label={t('profile.contactName')} autoComplete="name" error={errors.contactName} defaultValue={profile.contactName} {...form.register('contactName')} />
        <TextField label={t('profile.contactEmail')} type="email" autoComplete="email" error={errors.contactEmail} defaultValue={profile.contactEmail} {...form.register('contactEmail')} />
        <TextField label={t('profile.contactPhone')} type="tel" autoComplete="tel" error={errors.contactPhone} defaultValue={profile.contactPhone ?? ''} {...form.register('contactPhone', { setValueAs: emptyToNull })} />
        <TextField label={t('profile.website')} type="url" error={errors.website} defaultValue={profile.website ?? ''} {...form.register('website', { setValueAs: emptyToNull })} />
      </fieldset>

      <FormMessage error={errors.root?.server?.message} success={saved ? t('profile.saved') : undefined} />
      <button type="submit" className={buttonVariants()} disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? t('common.saving') : t('profile.save')}
      </button>
    </form>
  );
}
