'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useForm, type FieldErrors } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/run';
import { measureProfileCompleteness, PROFILE_SECTIONS, type ProfileDraft, type ProfileSectionId } from '@/lib/companies/profile-completeness';
import { companyProfileSchema, type CompanyProfile } from '@/lib/companies/profile-schema';
import { Button } from '../ui/button';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../ui/tabs';
import { FormMessage } from '../forms/form-message';
import { applyServerErrors } from '../forms/server-errors';
import { ProfileSaveBar } from './profile-save-bar';
import { ProfileSectionFields, type CountryName, type Prefecture, type ProfileValues } from './profile-section-fields';

/** The first section, in reading order, with an error, and its first field with one. */
function firstError(errors: FieldErrors<ProfileValues>) {
  for (const section of PROFILE_SECTIONS) {
    const field = section.fields.find((name) => errors[name]);
    if (field) return { section: section.id, field };
  }
  return null;
}

/**
 * The company's profile in six sections shown one at a time (tabs), with how complete each is and a
 * save bar that stays in view. It is one form: saving sends every section, with the version it
 * was loaded with (a colleague's save in between is a conflict, not overwritten).
 */
export function CompanyProfileForm({ companyId, version, profile, municipalityName, prefectures, countries, action }: {
  companyId: string;
  version: number;
  profile: CompanyProfile;
  /** The picked municipality's names, for "Chosen: …"; undefined while none is picked. */
  municipalityName?: string;
  prefectures: Prefecture[];
  countries: CountryName[];
  action: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations();
  const [current, setCurrent] = useState<ProfileSectionId>(PROFILE_SECTIONS[0].id);
  const [savedVersion, setSavedVersion] = useState(version);
  const [saved, setSaved] = useState(false);
  // Choices get react-hook-form defaults (it cannot read pre-ticked checkbox groups from the
  // DOM); typed fields keep DOM defaults so nothing typed before hydration is overwritten.
  // Errors are focused here, after their section is shown, not by react-hook-form.
  const form = useForm<ProfileValues>({
    resolver: zodResolver(companyProfileSchema),
    shouldFocusError: false,
    defaultValues: {
      sectors: profile.sectors, capabilities: profile.capabilities, riskAppetite: profile.riskAppetite,
      deliveryModes: profile.deliveryModes, stages: profile.stages, tenderRequirement: profile.tenderRequirement,
      experienceCountries: profile.experienceCountries, languages: profile.languages,
      hasDisasterReconstructionExperience: profile.hasDisasterReconstructionExperience,
      municipalityCode: profile.municipalityCode ?? undefined,
    },
  });
  const { errors, isSubmitting } = form.formState;

  // The meter starts from the stored profile (the same on the server and in the browser) and
  // follows what is typed once the page is live.
  const [draft, setDraft] = useState<ProfileDraft>(profile);
  useEffect(() => {
    return form.subscribe({ formState: { values: true }, callback: ({ values }) => setDraft({ ...profile, ...values }) });
  }, [form, profile]);
  const completeness = measureProfileCompleteness(draft);

  // `form.formState` is the last render's snapshot, empty on a first failed save: read the
  // errors handed to the callback, or the control's live ones after server errors are applied.
  const showFirstError = (errors: FieldErrors<ProfileValues> = form.control._formState.errors) => {
    const first = firstError(errors);
    if (!first) return;
    flushSync(() => setCurrent(first.section));
    form.setFocus(first.field);
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await action({ companyId, expectedVersion: savedVersion, profile: values });
    if (!result.ok) {
      applyServerErrors(form, result.error, 'profile.');
      return showFirstError();
    }
    setSavedVersion((result.data as { version: number }).version);
    setSaved(true);
  }, (errors) => showFirstError(errors));

  const index = PROFILE_SECTIONS.findIndex((section) => section.id === current);
  const [previous, next] = [PROFILE_SECTIONS[index - 1], PROFILE_SECTIONS[index + 1]];
  const title = (section: ProfileSectionId) => t(`profile.sections.${section}`);
  const errorCount = (fields: readonly string[]) => fields.filter((name) => errors[name as keyof ProfileValues]).length;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="grid min-w-0 max-w-4xl gap-4" aria-busy={isSubmitting}>
      <Tabs value={current} onValueChange={(value) => setCurrent(value as ProfileSectionId)}>
        <TabsList aria-label={t('profile.sectionsNav')}>
          {completeness.sections.map((section) => {
            const broken = errorCount(PROFILE_SECTIONS.find((s) => s.id === section.id)?.fields ?? []);
            return (
              <TabsTrigger key={section.id} value={section.id} className="text-start">
                {title(section.id)}{' '}
                <span className="text-sm font-normal text-muted">{t('profile.sectionStatus', { filled: section.filled, total: section.total })}</span>
                {broken > 0 ? <span className="block text-sm text-danger">{t('profile.sectionErrors', { count: broken })}</span> : null}
              </TabsTrigger>
            );
          })}
        </TabsList>
        {PROFILE_SECTIONS.map((section) => (
          // Every section stays mounted (one form, DOM defaults kept); only the chosen one shows.
          <TabsContent key={section.id} value={section.id} forceMount className="data-[state=inactive]:hidden">
            <fieldset className="grid min-w-0 gap-4 rounded-lg border border-line bg-paper p-4 sm:p-5">
              <legend className="px-1 font-bold">{title(section.id)}</legend>
              <ProfileSectionFields id={section.id} form={form} profile={profile} municipalityName={municipalityName} prefectures={prefectures} countries={countries} />
            </fieldset>
          </TabsContent>
        ))}
      </Tabs>

      <div className="flex flex-wrap justify-between gap-2">
        {previous ? <Button variant="secondary" onClick={() => setCurrent(previous.id)}>{t('profile.previous', { section: title(previous.id) })}</Button> : <span />}
        {next ? <Button variant="secondary" onClick={() => setCurrent(next.id)}>{t('profile.next', { section: title(next.id) })}</Button> : null}
      </div>

      <ProfileSaveBar completeness={completeness} isSubmitting={isSubmitting}>
        <FormMessage error={errors.root?.server?.message} success={saved ? t('profile.saved') : undefined} />
      </ProfileSaveBar>
    </form>
  );
}
