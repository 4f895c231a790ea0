import type { Locale } from '../generated/prisma/enums';
import { translatorFor } from '../i18n/translator';

// Account emails in the recipient's language, from the catalogues (emails.<name>.subject/text),
// so they stay under the catalogue parity test. Short and plain text: they carry one link each.

type Message = { subject: string; text: string };
type Values = Record<string, string | number>;

/** One catalogue email (emails.<name>) in one language. */
export function catalogueEmail(name: string, locale: Locale, values: Values): Message {
  const { t } = translatorFor(locale);
  return { subject: t(`emails.${name}.subject`, values), text: t(`emails.${name}.text`, values) };
}

type ByLocale<P> = Record<Locale, (params: P) => Message>;
const byLocale = <P extends Values>(name: string): ByLocale<P> => ({
  ja: (params) => catalogueEmail(name, 'ja', params),
  uk: (params) => catalogueEmail(name, 'uk', params),
  en: (params) => catalogueEmail(name, 'en', params),
});

type LinkParams = { name: string; link: string; hours: number };

export const EMAIL_TEMPLATES = {
  passwordReset: byLocale<LinkParams>('passwordReset'),
  staffInvitation: byLocale<LinkParams>('staffInvitation'),
  organisationVerified: byLocale<{ name: string; organisation: string; link: string }>('organisationVerified'),
  signUpConfirmation: byLocale<LinkParams>('signUpConfirmation'),
  // Sent to an account's owner instead of a confirmation, so the sign-up form answers the same
  // whether or not the address has an account.
  signUpAttempt: byLocale<{ name: string; signInLink: string; resetLink: string }>('signUpAttempt'),
};
