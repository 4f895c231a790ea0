import type { Locale } from '../generated/prisma/enums';

// Account emails in the recipient's language. Short and plain text: they carry one link each.

type Template = (params: { name: string; link: string; hours: number }) => { subject: string; text: string };

const passwordReset: Record<Locale, Template> = {
  en: ({ name, link, hours }) => ({
    subject: 'Kakehashi: reset your password',
    text: `Hello ${name},\n\nSomeone (we hope you) asked to reset the password of your Kakehashi account.\nOpen this link within ${hours} hours to choose a new one. It works once.\n\n${link}\n\nIf you did not ask, ignore this email: your password stays as it is.\n\nKakehashi`,
  }),
  ja: ({ name, link, hours }) => ({
    subject: '架け橋（Kakehashi）: パスワードの再設定',
    text: `${name} 様\n\n架け橋アカウントのパスワード再設定が申請されました。\n${hours}時間以内に下記のリンクを開き、新しいパスワードを設定してください（1回のみ有効）。\n\n${link}\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。\n\n架け橋（Kakehashi）`,
  }),
  uk: ({ name, link, hours }) => ({
    subject: 'Kakehashi: відновлення пароля',
    text: `Вітаємо, ${name}!\n\nНадійшов запит на зміну пароля вашого облікового запису Kakehashi.\nВідкрийте це посилання протягом ${hours} год., щоб встановити новий пароль. Воно діє один раз.\n\n${link}\n\nЯкщо ви не надсилали запит, просто проігноруйте цей лист: пароль не зміниться.\n\nKakehashi`,
  }),
};

const staffInvitation: Record<Locale, Template> = {
  en: ({ name, link, hours }) => ({
    subject: 'Kakehashi: your account is ready',
    text: `Hello ${name},\n\nAn administrator created a Kakehashi account for you.\nOpen this link within ${hours} hours to choose your password. It works once.\n\n${link}\n\nKakehashi`,
  }),
  ja: ({ name, link, hours }) => ({
    subject: '架け橋（Kakehashi）: アカウントが作成されました',
    text: `${name} 様\n\n管理者が架け橋のアカウントを作成しました。\n${hours}時間以内に下記のリンクを開き、パスワードを設定してください（1回のみ有効）。\n\n${link}\n\n架け橋（Kakehashi）`,
  }),
  uk: ({ name, link, hours }) => ({
    subject: 'Kakehashi: ваш обліковий запис створено',
    text: `Вітаємо, ${name}!\n\nАдміністратор створив для вас обліковий запис Kakehashi.\nВідкрийте це посилання протягом ${hours} год., щоб встановити пароль. Воно діє один раз.\n\n${link}\n\nKakehashi`,
  }),
};

type NoticeTemplate = (params: { name: string; organisation: string; link: string }) => { subject: string; text: string };

const organisationVerified: Record<Locale, NoticeTemplate> = {
  en: ({ name, organisation, link }) => ({
    subject: 'Kakehashi: your organisation is verified',
    text: `Hello ${name},\n\nA Kakehashi facilitator verified ${organisation}. You can now publish on the platform.\n\n${link}\n\nKakehashi`,
  }),
  ja: ({ name, organisation, link }) => ({
    subject: '架け橋（Kakehashi）: 確認が完了しました',
    text: `${name} 様\n\n架け橋のファシリテーターが「${organisation}」の確認を完了しました。プラットフォーム上で公開できるようになりました。\n\n${link}\n\n架け橋（Kakehashi）`,
  }),
  uk: ({ name, organisation, link }) => ({
    subject: 'Kakehashi: вашу організацію підтверджено',
    text: `Вітаємо, ${name}!\n\nФасилітатор Kakehashi підтвердив «${organisation}». Тепер ви можете публікувати на платформі.\n\n${link}\n\nKakehashi`,
  }),
};

const signUpConfirmation: Record<Locale, Template> = {
  en: ({ name, link, hours }) => ({
    subject: 'Kakehashi: confirm your sign-up',
    text: `Hello ${name},\n\nSomeone (we hope you) signed up for Kakehashi with this email address.\nOpen this link within ${hours} hours to confirm it and create your account. It works once.\n\n${link}\n\nIf it was not you, ignore this email: nothing is created without the link.\n\nKakehashi`,
  }),
  ja: ({ name, link, hours }) => ({
    subject: '架け橋（Kakehashi）: ご登録の確認',
    text: `${name} 様\n\nこのメールアドレスで架け橋への登録が申請されました。\n${hours}時間以内に下記のリンクを開いて登録を確認すると、アカウントが作成されます（1回のみ有効）。\n\n${link}\n\nお心当たりがない場合は、このメールを破棄してください。リンクを開かない限り、何も作成されません。\n\n架け橋（Kakehashi）`,
  }),
  uk: ({ name, link, hours }) => ({
    subject: 'Kakehashi: підтвердьте реєстрацію',
    text: `Вітаємо, ${name}!\n\nЦю адресу електронної пошти вказали під час реєстрації в Kakehashi.\nВідкрийте це посилання протягом ${hours} год., щоб підтвердити її та створити обліковий запис. Воно діє один раз.\n\n${link}\n\nЯкщо це були не ви, просто проігноруйте цей лист: без посилання нічого не буде створено.\n\nKakehashi`,
  }),
};

type SignUpAttemptTemplate = (params: { name: string; signInLink: string; resetLink: string }) => { subject: string; text: string };

// Sent to an account's owner instead of a confirmation, so the sign-up form answers the same
// whether or not the address has an account.
const signUpAttempt: Record<Locale, SignUpAttemptTemplate> = {
  en: ({ name, signInLink, resetLink }) => ({
    subject: 'Kakehashi: someone tried to sign up with your address',
    text: `Hello ${name},\n\nSomeone tried to create a Kakehashi account with your email address, which already has one. No new account was created.\n\nIf it was you, sign in instead:\n${signInLink}\n\nForgot your password? Reset it here:\n${resetLink}\n\nIf it was not you, ignore this email: your account is unchanged.\n\nKakehashi`,
  }),
  ja: ({ name, signInLink, resetLink }) => ({
    subject: '架け橋（Kakehashi）: お使いのアドレスで登録が試みられました',
    text: `${name} 様\n\nすでにアカウントをお持ちのこのメールアドレスで、架け橋への新規登録が試みられました。新しいアカウントは作成されていません。\n\nご本人の場合は、こちらからログインしてください。\n${signInLink}\n\nパスワードをお忘れの場合は、こちらから再設定できます。\n${resetLink}\n\nお心当たりがない場合は、このメールを破棄してください。アカウントに変更はありません。\n\n架け橋（Kakehashi）`,
  }),
  uk: ({ name, signInLink, resetLink }) => ({
    subject: 'Kakehashi: хтось намагався зареєструватися з вашою адресою',
    text: `Вітаємо, ${name}!\n\nХтось намагався створити обліковий запис Kakehashi з вашою адресою електронної пошти, для якої обліковий запис уже існує. Новий обліковий запис не створено.\n\nЯкщо це були ви, просто увійдіть:\n${signInLink}\n\nЗабули пароль? Відновіть його тут:\n${resetLink}\n\nЯкщо це були не ви, проігноруйте цей лист: з вашим обліковим записом нічого не сталося.\n\nKakehashi`,
  }),
};

export const EMAIL_TEMPLATES = { passwordReset, staffInvitation, organisationVerified, signUpConfirmation, signUpAttempt };
