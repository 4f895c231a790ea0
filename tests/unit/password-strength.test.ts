import { describe, expect, it } from 'vitest';
import { changePasswordSchema, newPasswordSchema, resetPasswordSchema, signUpCompanySchema, signUpMunicipalitySchema } from '../../lib/auth/schemas';
import { judgePassword } from '../../lib/auth/password-strength';
import { validSignUpCompany, validSignUpMunicipality } from '../factories/valid-inputs';

// The schemas the forms and the server share: what they say about a new password.
const passwordIssues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (result.error?.issues ?? []).filter((issue) => issue.path.at(-1) === 'password' || issue.path.length === 0).map((issue) => issue.message);

describe('new passwords', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', '123456789012', ' '.repeat(12), 'qwertyuiop12'])('refuses %j as too easy to guess', (password) => {
    const result = newPasswordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('validation.passwordTooWeak');
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(newPasswordSchema.safeParse('violet kettle under moonlight').success).toBe(true);
    expect(judgePassword('granite swallow paper boat')).toBeNull();
  });

  it('refuses the email itself, its local part, or the person’s name at sign-up', () => {
    const email = 'hanako.yamada@example.test';
    for (const password of [email, 'hanako.yamada', 'Hanako Yamada 1990']) {
      const result = signUpCompanySchema.safeParse(validSignUpCompany({ email, name: 'Hanako Yamada', password }));
      expect(result.success, password).toBe(false);
      expect(passwordIssues(result), password).toContain('validation.passwordContainsPersonalInfo');
    }
    const municipality = signUpMunicipalitySchema.safeParse(validSignUpMunicipality('UA12345678901234567', { email, password: email }));
    expect(passwordIssues(municipality)).toContain('validation.passwordContainsPersonalInfo');
  });

  it('refuses the organisation’s legal name, in Japanese or English, at company sign-up', () => {
    const base = validSignUpCompany();
    for (const password of [base.company.legalNameEn, base.company.legalNameJa, `${base.company.legalNameEn}!`]) {
      const result = signUpCompanySchema.safeParse({ ...base, password });
      expect(result.success, password).toBe(false);
      expect(passwordIssues(result), password).toContain('validation.passwordContainsPersonalInfo');
    }
  });

  it('the reset and change forms judge the new password too', () => {
    const token = 'a'.repeat(43);
    expect(resetPasswordSchema.safeParse({ token, password: 'password1234' }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token, password: 'violet kettle under moonlight' }).success).toBe(true);
    expect(changePasswordSchema.safeParse({ currentPassword: 'anything', newPassword: '123456789012' }).success).toBe(false);
  });

  it('the passwords of the test factories and the demo still pass', () => {
    expect(signUpCompanySchema.safeParse(validSignUpCompany()).success).toBe(true);
    expect(signUpMunicipalitySchema.safeParse(validSignUpMunicipality('UA12345678901234567')).success).toBe(true);
    expect(judgePassword('correct horse battery staple')).toBeNull();
  });
});
