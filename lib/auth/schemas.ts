import { z } from 'zod';
import { CORPORATE_NUMBER_PATTERN, isValidCorporateNumber } from '../companies/corporate-number';
import { Locale, RiskAppetite, SmeIndustry } from '../generated/prisma/enums';
import { capitalJpyField, employeesField, municipalityCodeField, municipalityInPrefecture } from '../companies/profile-schema';
import { limit } from '../validation-message';
import { normaliseEmail } from './email-address';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';
import { judgePassword } from './password-strength';

// Shared by the forms (zodResolver) and the server (safeParse). Messages are catalogue keys
// under "validation"; every object is strict, so a field the form does not have — a role, a
// verification status, someone else's company id — is refused rather than ignored.

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 120;

export const emailSchema = z
  .string({ error: 'validation.required' })
  .max(EMAIL_MAX_LENGTH, limit('validation.tooLong'))
  .transform(normaliseEmail)
  .pipe(z.email({ error: 'validation.email' }));

// A new password of the right length must also be hard to guess (zxcvbn, bundled lists)…
export const newPasswordSchema = z
  .string({ error: 'validation.required' })
  .min(PASSWORD_MIN_LENGTH, { error: 'validation.passwordTooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'validation.passwordTooLong' })
  .superRefine((password, context) => {
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return;
    const verdict = judgePassword(password);
    if (verdict) context.addIssue({ code: 'custom', message: verdict });
  });

/**
 * …and not built from what the form itself says about the person: their email, name and
 * organisation. The server adds what only it knows (a hromada's name, the account's details).
 */
const passwordAvoids = <T extends { password: string }>(personal: (data: T) => Array<string | undefined>) =>
  (data: T, context: z.RefinementCtx) => {
    const verdict = judgePassword(data.password, personal(data));
    if (verdict) context.addIssue({ code: 'custom', message: verdict, path: ['password'] });
  };

const personNameSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(NAME_MAX_LENGTH, limit('validation.tooLong'));

const localeSchema = z.enum(Locale, { error: 'validation.choose' });

export const signInSchema = z
  .object({
    email: emailSchema,
    // Not the new-password rules: an old account's password is checked, not judged.
    password: z.string().min(1, { error: 'validation.required' }).max(PASSWORD_MAX_LENGTH, { error: 'validation.passwordTooLong' }),
  })
  .strict();

const accountFields = {
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  locale: localeSchema,
};

const shortText = (max: number) =>
  z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(max, limit('validation.tooLong'));

export const signUpCompanySchema = z
  .object({
    ...accountFields,
    company: z
      .object({
        legalNameJa: shortText(200),
        legalNameEn: shortText(200),
        // Each message says what is missing: nothing typed, not 13 digits, or a wrong check digit.
        corporateNumber: z
          .string({ error: 'validation.corporateNumberRequired' })
          .trim()
          .min(1, { error: 'validation.corporateNumberRequired', abort: true })
          .regex(CORPORATE_NUMBER_PATTERN, { error: 'validation.corporateNumberDigits', abort: true })
          .refine(isValidCorporateNumber, { error: 'validation.corporateNumber' }),
        prefectureCode: z.string().regex(/^(0[1-9]|[1-3]\d|4[0-7])$/, { error: 'validation.choose' }),
        municipalityCode: municipalityCodeField,
        cityJa: shortText(100),
        cityEn: shortText(100),
        industry: z.enum(SmeIndustry, { error: 'validation.choose' }),
        employees: employeesField,
        capitalJpy: capitalJpyField,
        riskAppetite: z.enum(RiskAppetite, { error: 'validation.choose' }),
      })
      .strict()
      .refine(municipalityInPrefecture, { error: 'validation.municipalityInPrefecture', path: ['municipalityCode'] }),
  })
  .strict()
  .superRefine(passwordAvoids((data) => [data.email, data.name, data.company.legalNameJa, data.company.legalNameEn]));
export type SignUpCompanyInput = z.input<typeof signUpCompanySchema>;

export const HROMADA_CODE_PATTERN = /^UA\d{17}$/;

export const signUpMunicipalitySchema = z
  .object({
    ...accountFields,
    hromadaCode: z.string({ error: 'validation.choose' }).regex(HROMADA_CODE_PATTERN, { error: 'validation.choose' }),
  })
  .strict()
  .superRefine(passwordAvoids((data) => [data.email, data.name]));
export type SignUpMunicipalityInput = z.input<typeof signUpMunicipalitySchema>;

export const requestPasswordResetSchema = z.object({ email: emailSchema }).strict();

export const resetPasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'validation.resetLink' }),
    password: newPasswordSchema,
  })
  .strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: 'validation.required' }).max(PASSWORD_MAX_LENGTH),
    newPassword: newPasswordSchema,
  })
  .strict();

export const createStaffUserSchema = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    role: z.enum(['FACILITATOR', 'ADMIN'], { error: 'validation.choose' }),
    locale: localeSchema,
  })
  .strict();

export const setUserDisabledSchema = z.object({ userId: z.uuid(), disabled: z.boolean() }).strict();
