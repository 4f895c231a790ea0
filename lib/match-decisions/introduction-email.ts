import type { Locale } from '../generated/prisma/enums';

// The introduction: each party learns who the other is and how to reach them, in its own
// language. The facilitator's note travels verbatim (it is written for both).

export type IntroductionParams = {
  name: string;
  needTitle: string;
  hromada: { uk: string; en: string };
  company: { ja: string; en: string };
  /** The party being introduced to the recipient. */
  counterpart: { contactName: string; contactEmail: string; contactPhone: string | null };
  note: string;
  link: string;
};

type Side = 'toCompany' | 'toMunicipality';
type Template = (p: IntroductionParams) => { subject: string; text: string };

const contactLines = (p: IntroductionParams, labels: { name: string; email: string; phone: string }) =>
  [
    `${labels.name}: ${p.counterpart.contactName}`,
    `${labels.email}: ${p.counterpart.contactEmail}`,
    ...(p.counterpart.contactPhone ? [`${labels.phone}: ${p.counterpart.contactPhone}`] : []),
  ].join('\n');

const noteBlock = (note: string, label: string) => (note ? `\n${label}:\n${note}\n` : '');

const TEMPLATES: Record<Side, Record<Locale, Template>> = {
  toCompany: {
    en: (p) => ({
      subject: `Kakehashi: introduction to ${p.hromada.en} hromada`,
      text: `Hello ${p.name},\n\nA Kakehashi facilitator is introducing ${p.company.en} to ${p.hromada.en} hromada (${p.hromada.uk}) about their need "${p.needTitle}".\n\n${contactLines(p, { name: 'Contact', email: 'Email', phone: 'Phone' })}\n${noteBlock(p.note, "Facilitator's note")}\nThe need on Kakehashi: ${p.link}\n\nKakehashi`,
    }),
    ja: (p) => ({
      subject: `架け橋（Kakehashi）: ${p.hromada.en}（${p.hromada.uk}）フロマーダのご紹介`,
      text: `${p.name} 様\n\n架け橋のファシリテーターより、${p.company.ja} 様を ${p.hromada.en}（${p.hromada.uk}）フロマーダにご紹介します。案件:「${p.needTitle}」\n\n${contactLines(p, { name: '担当者', email: 'メール', phone: '電話' })}\n${noteBlock(p.note, 'ファシリテーターより')}\n架け橋の案件ページ: ${p.link}\n\n架け橋（Kakehashi）`,
    }),
    uk: (p) => ({
      subject: `Kakehashi: контакти громади ${p.hromada.uk}`,
      text: `Вітаємо, ${p.name}!\n\nФасилітатор Kakehashi передає вам контакти громади ${p.hromada.uk} щодо її потреби «${p.needTitle}»; громада отримала контакти вашої компанії ${p.company.en} (${p.company.ja}).\n\n${contactLines(p, { name: 'Контактна особа', email: 'Ел. пошта', phone: 'Телефон' })}\n${noteBlock(p.note, 'Примітка фасилітатора')}\nПотреба на Kakehashi: ${p.link}\n\nKakehashi`,
    }),
  },
  toMunicipality: {
    en: (p) => ({
      subject: `Kakehashi: introduction to ${p.company.en}`,
      text: `Hello ${p.name},\n\nA Kakehashi facilitator is introducing ${p.company.en} (${p.company.ja}), a Japanese company, to your hromada about your need "${p.needTitle}".\n\n${contactLines(p, { name: 'Contact', email: 'Email', phone: 'Phone' })}\n${noteBlock(p.note, "Facilitator's note")}\nYour need on Kakehashi: ${p.link}\n\nKakehashi`,
    }),
    ja: (p) => ({
      subject: `架け橋（Kakehashi）: ${p.company.ja} のご紹介`,
      text: `${p.name} 様\n\n架け橋のファシリテーターより、日本企業 ${p.company.ja}（${p.company.en}）をご紹介します。案件:「${p.needTitle}」\n\n${contactLines(p, { name: '担当者', email: 'メール', phone: '電話' })}\n${noteBlock(p.note, 'ファシリテーターより')}\n架け橋の案件ページ: ${p.link}\n\n架け橋（Kakehashi）`,
    }),
    uk: (p) => ({
      subject: `Kakehashi: контакти компанії ${p.company.en}`,
      text: `Вітаємо, ${p.name}!\n\nФасилітатор Kakehashi передає вам контакти японської компанії ${p.company.en} (${p.company.ja}) щодо потреби вашої громади «${p.needTitle}»; компанія отримала ваші контакти.\n\n${contactLines(p, { name: 'Контактна особа', email: 'Ел. пошта', phone: 'Телефон' })}\n${noteBlock(p.note, 'Примітка фасилітатора')}\nВаша потреба на Kakehashi: ${p.link}\n\nKakehashi`,
    }),
  },
};

export function introductionEmail(side: Side, locale: Locale, params: IntroductionParams) {
  return TEMPLATES[side][locale](params);
}
