import type { Readable } from '../content/types';
import { catalogueEmail } from '../email/templates';
import type { Locale } from '../generated/prisma/enums';
import { translatorFor } from '../i18n/translator';
import { quotedOriginalLine } from '../notifications/written-params';

// The introduction: each party learns who the other is and how to reach them, in its own
// language (catalogues: emails.introductionCompany / introductionMunicipality). The need's title and
// the facilitator's note are read in the recipient's language where a translation exists, each
// followed by its marker and the original.

export type IntroductionParams = {
  name: string;
  /** Read for this recipient (readForReader). */
  needTitle: Readable;
  hromada: { uk: string; en: string };
  company: { ja: string; en: string };
  /** The party being introduced to the recipient. */
  counterpart: { contactName: string; contactEmail: string; contactPhone: string | null };
  note: Readable;
  link: string;
};

type Side = 'toCompany' | 'toMunicipality';

// Names as each language's readers know them: a hromada in Latin with its Ukrainian name beside
// it (in Ukrainian, its own name), a company in its own script (in Ukrainian, both).
const hromadaName = (locale: Locale, h: IntroductionParams['hromada']) => (locale === 'uk' ? h.uk : locale === 'ja' ? `${h.en}（${h.uk}）` : `${h.en} (${h.uk})`);
const companyName = (locale: Locale, c: IntroductionParams['company']) => (locale === 'ja' ? c.ja : locale === 'uk' ? `${c.en} (${c.ja})` : c.en);

export function introductionEmail(side: Side, locale: Locale, p: IntroductionParams) {
  const { t } = translatorFor(locale);
  const titleNote = quotedOriginalLine(t, locale, p.needTitle);
  const noteOriginal = quotedOriginalLine(t, locale, p.note);
  const note = p.note.text && noteOriginal ? `${p.note.text}\n${noteOriginal}` : p.note.text;
  return catalogueEmail(side === 'toCompany' ? 'introductionCompany' : 'introductionMunicipality', locale, {
    name: p.name, needTitle: p.needTitle.text, link: p.link,
    hasTitleNote: titleNote ? 'yes' : 'no', titleNote: titleNote ?? '',
    hromadaName: hromadaName(locale, p.hromada), companyName: companyName(locale, p.company),
    hromadaUk: p.hromada.uk, hromadaEn: p.hromada.en, companyJa: p.company.ja, companyEn: p.company.en,
    contactName: p.counterpart.contactName, contactEmail: p.counterpart.contactEmail,
    hasPhone: p.counterpart.contactPhone ? 'yes' : 'no', contactPhone: p.counterpart.contactPhone ?? '',
    hasNote: note ? 'yes' : 'no', note,
  });
}
