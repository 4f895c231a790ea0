import type { Locale, RejectionCategory } from '../generated/prisma/enums';

// A rejection reaches every member of the organisation in their own language: what the
// facilitator found (the category in words, the note verbatim) and where to fix and resubmit.

type Params = { name: string; organisation: string; category: RejectionCategory | null; note: string; link: string };

const CATEGORY: Record<Locale, Record<RejectionCategory, string>> = {
  en: {
    DETAILS_DO_NOT_MATCH_REGISTER: 'The details do not match the official register.',
    REPRESENTATIVE_NOT_CONFIRMED: 'We could not confirm that you represent the organisation.',
    INCOMPLETE_INFORMATION: 'Some information is missing.',
    NOT_ELIGIBLE: 'The organisation does not meet the conditions of the platform.',
    OTHER: 'Another reason, explained below.',
  },
  ja: {
    DETAILS_DO_NOT_MATCH_REGISTER: '登録内容が公的な登録情報と一致しません。',
    REPRESENTATIVE_NOT_CONFIRMED: '貴団体を代表される方であることを確認できませんでした。',
    INCOMPLETE_INFORMATION: '必要な情報が不足しています。',
    NOT_ELIGIBLE: 'プラットフォームの参加条件を満たしていません。',
    OTHER: 'その他の理由（下記をご覧ください）。',
  },
  uk: {
    DETAILS_DO_NOT_MATCH_REGISTER: 'Дані не збігаються з офіційним реєстром.',
    REPRESENTATIVE_NOT_CONFIRMED: 'Нам не вдалося підтвердити, що ви представляєте організацію.',
    INCOMPLETE_INFORMATION: 'Бракує деяких відомостей.',
    NOT_ELIGIBLE: 'Організація не відповідає умовам платформи.',
    OTHER: 'Інша причина, пояснена нижче.',
  },
};

const TEMPLATES: Record<Locale, (p: Params) => { subject: string; text: string }> = {
  en: (p) => ({
    subject: 'Kakehashi: we could not verify your organisation yet',
    text: `Hello ${p.name},\n\nA Kakehashi facilitator could not verify ${p.organisation}.\n${p.category ? `\n${CATEGORY.en[p.category]}\n` : ''}\nThe facilitator's note:\n${p.note}\n\nYou can correct your details and ask for a new check here:\n${p.link}\n\nKakehashi`,
  }),
  ja: (p) => ({
    subject: '架け橋（Kakehashi）: 確認を完了できませんでした',
    text: `${p.name} 様\n\n架け橋のファシリテーターは「${p.organisation}」の確認を完了できませんでした。\n${p.category ? `\n${CATEGORY.ja[p.category]}\n` : ''}\nファシリテーターからのコメント:\n${p.note}\n\n登録内容を修正のうえ、下記のページから再確認を申請いただけます。\n${p.link}\n\n架け橋（Kakehashi）`,
  }),
  uk: (p) => ({
    subject: 'Kakehashi: нам поки не вдалося підтвердити вашу організацію',
    text: `Вітаємо, ${p.name}!\n\nФасилітатор Kakehashi не зміг підтвердити «${p.organisation}».\n${p.category ? `\n${CATEGORY.uk[p.category]}\n` : ''}\nКоментар фасилітатора:\n${p.note}\n\nВи можете виправити дані та подати запит на повторну перевірку тут:\n${p.link}\n\nKakehashi`,
  }),
};

export const rejectionEmail = (locale: Locale, params: Params) => TEMPLATES[locale](params);
