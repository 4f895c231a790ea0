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

export const EMAIL_TEMPLATES = { passwordReset, staffInvitation, organisationVerified };
