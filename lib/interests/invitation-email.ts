import type { Locale } from '../generated/prisma/enums';

// A hromada invites a company to a need: the company's members hear it in their language.

type Params = { name: string; hromada: { uk: string; en: string }; needTitle: string; note: string; link: string };

const TEMPLATES: Record<Locale, (p: Params) => { subject: string; text: string }> = {
  en: (p) => ({
    subject: `Kakehashi: ${p.hromada.en} hromada invites you`,
    text: `Hello ${p.name},\n\n${p.hromada.en} hromada (${p.hromada.uk}) invites your company to its need "${p.needTitle}".\n${p.note ? `\nTheir note:\n${p.note}\n` : ''}\nThe need on Kakehashi: ${p.link}\n\nKakehashi`,
  }),
  ja: (p) => ({
    subject: `架け橋（Kakehashi）: ${p.hromada.en}（${p.hromada.uk}）フロマーダからの招待`,
    text: `${p.name} 様\n\n${p.hromada.en}（${p.hromada.uk}）フロマーダが、案件「${p.needTitle}」に貴社を招待しています。\n${p.note ? `\nフロマーダからのメモ:\n${p.note}\n` : ''}\n架け橋の案件ページ: ${p.link}\n\n架け橋（Kakehashi）`,
  }),
  uk: (p) => ({
    subject: `Kakehashi: громада ${p.hromada.uk} запрошує вас`,
    text: `Вітаємо, ${p.name}!\n\nГромада ${p.hromada.uk} запрошує вашу компанію до потреби «${p.needTitle}».\n${p.note ? `\nПримітка громади:\n${p.note}\n` : ''}\nПотреба на Kakehashi: ${p.link}\n\nKakehashi`,
  }),
};

export const invitationEmail = (locale: Locale, params: Params) => TEMPLATES[locale](params);
