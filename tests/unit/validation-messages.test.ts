import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { translateKey } from '../../components/forms/text-field';
import en from '../../lib/i18n/messages/en.json';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import { signUpCompanySchema } from '../../lib/auth/schemas';
import { withCheckDigit } from '../../lib/companies/corporate-number';
import { companyProfileSchema } from '../../lib/companies/profile-schema';
import { isAppError } from '../../lib/errors';
import { needSchema } from '../../lib/needs/need-schema';
import { parseInput } from '../../lib/validation';
import { readMessage, withValues } from '../../lib/validation-message';
import { validCompanyProfile, validNeed, validSignUpCompany } from '../factories/valid-inputs';

// A message says what is wrong and by how much: the limit travels from the zod issue to the
// translated sentence, in the form (zodResolver) and from the server (parseInput) alike.

const MESSAGES = { en, ja, uk } as const;
const say = (locale: keyof typeof MESSAGES, message: string) =>
  translateKey(createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as Parameters<typeof translateKey>[0], message);

/** The first message the schema gives for `field`. */
function messageFor(schema: { safeParse: (input: unknown) => { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown, field: string): string | undefined {
  return schema.safeParse(input).error?.issues.find((issue) => issue.path.join('.') === field)?.message;
}

describe('validation messages', () => {
  it('say the length limit a text broke, in every language', () => {
    const short = messageFor(needSchema, validNeed({ title: 'Pump' }), 'title')!;
    expect(readMessage(short)).toEqual({ key: 'validation.tooShort', values: { min: 5 } });
    expect(say('en', short)).toBe('At least 5 characters.');
    expect(say('ja', short)).toBe('5文字以上で入力してください。');
    expect(say('uk', short)).toBe('Щонайменше 5 символів.');
    const long = messageFor(needSchema, validNeed({ description: 'x'.repeat(8001) }), 'description')!;
    expect(say('en', long)).toBe('At most 8,000 characters.');
    expect(say('uk', long)).toBe('Щонайбільше 8\u00a0000 символів.');
  });

  it('say how many choices are allowed', () => {
    const codes = Array.from({ length: 51 }, (_, i) => `${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
    const many = messageFor(companyProfileSchema, validCompanyProfile({ experienceCountries: codes }), 'experienceCountries')!;
    expect(say('en', many)).toBe('Choose at most 50.');
    expect(say('uk', many)).toBe('Оберіть не більше ніж 50.');
  });

  it('ask for a number when a number field is empty, not "too small"', () => {
    for (const empty of ['', null, undefined]) {
      expect(messageFor(companyProfileSchema, validCompanyProfile({ employees: empty }), 'employees')).toBe('validation.enterNumber');
      expect(messageFor(companyProfileSchema, validCompanyProfile({ capitalJpy: empty }), 'capitalJpy')).toBe('validation.enterNumber');
    }
    expect(say('en', 'validation.enterNumber')).toBe('Enter a number.');
    expect(messageFor(companyProfileSchema, validCompanyProfile({ employees: 'many' }), 'employees')).toBe('validation.number');
    expect(messageFor(companyProfileSchema, validCompanyProfile({ employees: 2.5 }), 'employees')).toBe('validation.number');
    expect(messageFor(needSchema, validNeed({ budgetAmount: 'lots' }), 'budgetAmount')).toBe('validation.amount');
    const zero = messageFor(companyProfileSchema, validCompanyProfile({ employees: 0 }), 'employees')!;
    expect(say('en', zero)).toBe('Enter 1 or more.');
    const huge = messageFor(companyProfileSchema, validCompanyProfile({ maxProjectEur: 2e12 }), 'maxProjectEur')!;
    expect(say('en', huge)).toBe('Enter 1,000,000,000,000 or less.');
    expect(say('ja', huge)).toBe('1,000,000,000,000以下の数を入力してください。');
    // An optional amount left empty is no answer, and figures sent as text still count.
    expect(companyProfileSchema.safeParse(validCompanyProfile({ maxProjectEur: null })).success).toBe(true);
    expect(companyProfileSchema.parse(validCompanyProfile({ employees: '35' })).employees).toBe(35);
  });

  it('say what a corporate number is when it is missing, short or mistyped', () => {
    const corporate = (corporateNumber: unknown) =>
      messageFor(signUpCompanySchema, validSignUpCompany({ company: { ...validSignUpCompany().company, corporateNumber } }), 'company.corporateNumber');
    expect(corporate('')).toBe('validation.corporateNumberRequired');
    expect(corporate(undefined)).toBe('validation.corporateNumberRequired');
    expect(corporate('1234-5678')).toBe('validation.corporateNumberDigits');
    const valid = withCheckDigit('700110005901');
    expect(corporate(valid)).toBeUndefined();
    expect(corporate(`${(Number(valid[0]) + 1) % 10}${valid.slice(1)}`)).toBe('validation.corporateNumber');
    expect(say('en', 'validation.corporateNumberRequired')).toContain('13 digits');
    expect(say('ja', 'validation.corporateNumberRequired')).toBe('法人番号（13桁）を入力してください。');
  });

  it('reach the form from the server with their values', () => {
    try {
      parseInput(needSchema, validNeed({ title: 'Pump' }));
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.details?.fieldErrors).toEqual({ title: withValues('validation.tooShort', { min: 5 }) });
    }
  });

  it('show a bare key, an unknown key or a broken value as safely as they can', () => {
    expect(say('en', 'validation.required')).toBe('Required.');
    expect(say('en', 'Something the server said')).toBe('Something the server said');
    expect(readMessage('validation.tooShort|{broken')).toEqual({ key: 'validation.tooShort|{broken', values: {} });
    expect(readMessage('validation.tooShort|{"min":{"nested":1},"max":3}')).toEqual({ key: 'validation.tooShort', values: { max: 3 } });
  });
});
