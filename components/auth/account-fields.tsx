'use client';

import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { SelectField, TextField } from '../forms/text-field';

type AccountValues = { name: string; email: string; password: string; locale: string };

/** The person behind a new account: the same four fields for companies and hromadas. */
export function AccountFields({ defaultLocale }: { defaultLocale: 'ja' | 'uk' | 'en' }) {
  const t = useTranslations('signUp');
  const locales = useTranslations('locales');
  const { register, formState: { errors } } = useFormContext<AccountValues>();
  return (
    <fieldset>
      <legend>{t('account')}</legend>
      <TextField label={t('name')} autoComplete="name" error={errors.name} {...register('name')} />
      <TextField label={t('email')} type="email" autoComplete="email" error={errors.email} {...register('email')} />
      <TextField label={t('password')} type="password" autoComplete="new-password" hint={t('passwordHint')} error={errors.password} {...register('password')} />
      <SelectField label={t('locale')} defaultValue={defaultLocale} error={errors.locale} {...register('locale')}>
        {(['ja', 'uk', 'en'] as const).map((locale) => <option key={locale} value={locale}>{locales(locale)}</option>)}
      </SelectField>
    </fieldset>
  );
}
