'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { FieldErrors, FieldValues, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ProfileSectionId } from '@/lib/companies/profile-completeness';
import type { CompanyProfile, companyProfileSchema } from '@/lib/companies/profile-schema';
import { Capability, DeliveryMode, Locale, RiskAppetite, SectorCode, SmeIndustry, Stage, TenderRequirement } from '@/lib/generated/prisma/enums';
import { ChoiceGroup } from '../forms/choice-group';
import { emptyToNull } from '../forms/empty-to-null';
import { NumberField, numberInput } from '../forms/number-field';
import { SelectField, TextAreaField, TextField } from '../forms/text-field';
import { MunicipalityField } from './municipality-field';

export type ProfileValues = z.input<typeof companyProfileSchema>;
export type Prefecture = { code: string; nameJa: string; nameEn: string };
/** Country names made on the server: the browser's ICU names some countries differently. */
export type CountryName = { code: string; name: string };

type Props = {
  form: UseFormReturn<ProfileValues, unknown, FieldValues>;
  profile: CompanyProfile;
  municipalityName?: string;
  prefectures: Prefecture[];
  countries: CountryName[];
};

/**
 * The controls of one section of the company profile (lib/companies/profile-completeness.ts says
 * which fields each holds). Typed fields keep DOM defaults, so nothing typed before hydration is
 * overwritten; choices get react-hook-form defaults in the form.
 */
export function ProfileSectionFields({ id, form, profile, municipalityName, prefectures, countries }: Props & { id: ProfileSectionId }) {
  const t = useTranslations();
  const locale = useLocale();
  const errors: FieldErrors<ProfileValues> = form.formState.errors;
  const options = (codes: readonly string[], namespace: string, hints?: string) =>
    codes.map((code) => ({ value: code, label: t(`${namespace}.${code}`), hint: hints ? t(`${hints}.${code}`) : undefined }));

  switch (id) {
    case 'organisation':
      return (
        <>
          <SelectField label={t('signUpCompany.industry')} error={errors.industry} defaultValue={profile.industry} {...form.register('industry')}>
            {Object.values(SmeIndustry).map((code) => <option key={code} value={code}>{t(`industry.${code}`)}</option>)}
          </SelectField>
          <NumberField label={t('signUpCompany.employees')} error={errors.employees} defaultValue={profile.employees} registration={form.register('employees', numberInput(locale))} />
          <NumberField label={t('signUpCompany.capitalJpy')} error={errors.capitalJpy} defaultValue={Number(profile.capitalJpy)} registration={form.register('capitalJpy', numberInput(locale))} />
          <ChoiceGroup legend={t('profile.languages')} error={errors.languages} checked={profile.languages} choices={Object.values(Locale).map((code) => ({ value: code, label: t(`locales.${code}`) }))} registration={form.register('languages')} />
        </>
      );
    case 'sectors':
      return (
        <>
          <ChoiceGroup legend={t('profile.sectors')} error={errors.sectors} checked={profile.sectors} choices={options(Object.values(SectorCode), 'sector')} registration={form.register('sectors')} columns />
          <ChoiceGroup legend={t('profile.capabilities')} hint={t('profile.capabilitiesHint')} error={errors.capabilities} checked={profile.capabilities} choices={options(Object.values(Capability), 'capability')} registration={form.register('capabilities')} columns />
          <TextAreaField label={t('profile.description')} lang={form.watch('descriptionLanguage') ?? profile.descriptionLanguage} error={errors.description} defaultValue={profile.description} {...form.register('description')} />
          <SelectField label={t('profile.descriptionLanguage')} hint={t('profile.descriptionLanguageHint')} error={errors.descriptionLanguage} defaultValue={profile.descriptionLanguage} {...form.register('descriptionLanguage')}>
            {Object.values(Locale).map((code) => <option key={code} value={code}>{t(`locales.${code}`)}</option>)}
          </SelectField>
        </>
      );
    case 'capacity':
      return (
        <>
          <NumberField label={t('profile.maxProjectEur')} hint={t('profile.maxProjectEurHint')} error={errors.maxProjectEur} defaultValue={profile.maxProjectEur} registration={form.register('maxProjectEur', numberInput(locale))} />
          <ChoiceGroup legend={t('profile.deliveryModes')} hint={t('profile.deliveryModesHint')} error={errors.deliveryModes} checked={profile.deliveryModes} choices={options(Object.values(DeliveryMode), 'deliveryMode')} registration={form.register('deliveryModes')} />
          <ChoiceGroup legend={t('profile.stages')} error={errors.stages} checked={profile.stages} choices={options(Object.values(Stage), 'stage', 'stageHint')} registration={form.register('stages')} />
          <ChoiceGroup
            legend={t('profile.experienceCountries')}
            hint={t('profile.experienceCountriesHint')}
            error={errors.experienceCountries}
            checked={profile.experienceCountries}
            choices={countries.map(({ code, name }) => ({ value: code, label: name }))}
            registration={form.register('experienceCountries')}
            columns
          />
          <label className="flex items-baseline gap-2">
            <input type="checkbox" defaultChecked={profile.hasDisasterReconstructionExperience} {...form.register('hasDisasterReconstructionExperience')} />
            {t('profile.disasterExperience')}
          </label>
        </>
      );
    case 'risk':
      return (
        <>
          <ChoiceGroup type="radio" legend={t('profile.riskAppetite')} hint={t('profile.riskAppetiteHint')} error={errors.riskAppetite} checked={[profile.riskAppetite]} choices={options(Object.values(RiskAppetite), 'riskAppetite', 'riskAppetiteExplained')} registration={form.register('riskAppetite')} />
          <ChoiceGroup type="radio" legend={t('profile.tenderRequirement')} hint={t('profile.tenderRequirementHint')} error={errors.tenderRequirement} checked={[profile.tenderRequirement]} choices={options(Object.values(TenderRequirement), 'tenderRequirement')} registration={form.register('tenderRequirement')} />
        </>
      );
    case 'place':
      return (
        <>
          <p className="m-0 text-sm text-muted">{t('profile.placeHint')}</p>
          <SelectField label={t('signUpCompany.prefecture')} error={errors.prefectureCode} defaultValue={profile.prefectureCode} {...form.register('prefectureCode')}>
            {prefectures.map((p) => <option key={p.code} value={p.code}>{locale === 'ja' ? p.nameJa : `${p.nameEn} ${p.nameJa}`}</option>)}
          </SelectField>
          <MunicipalityField form={form} initialName={municipalityName} />
          <TextField label={t('signUpCompany.cityJa')} lang="ja" error={errors.cityJa} defaultValue={profile.cityJa} {...form.register('cityJa')} />
          <TextField label={t('signUpCompany.cityEn')} error={errors.cityEn} defaultValue={profile.cityEn} {...form.register('cityEn')} />
        </>
      );
    case 'contact':
      return (
        <>
          <TextField label={t('profile.contactName')} autoComplete="name" error={errors.contactName} defaultValue={profile.contactName} {...form.register('contactName')} />
          <TextField label={t('profile.contactEmail')} type="email" autoComplete="email" error={errors.contactEmail} defaultValue={profile.contactEmail} {...form.register('contactEmail')} />
          <TextField label={t('profile.contactPhone')} type="tel" autoComplete="tel" error={errors.contactPhone} defaultValue={profile.contactPhone ?? ''} {...form.register('contactPhone', { setValueAs: emptyToNull })} />
          <TextField label={t('profile.website')} type="url" error={errors.website} defaultValue={profile.website ?? ''} {...form.register('website', { setValueAs: emptyToNull })} />
        </>
      );
  }
}
