import type { Locale } from '../../generated/prisma/enums';
import en from '../../i18n/messages/en.json';
import ja from '../../i18n/messages/ja.json';
import uk from '../../i18n/messages/uk.json';
import { LOCALES } from '../../i18n/routing';

// The platform's own words for its domain — sectors, capabilities, stages, hostility statuses,
// need and match statuses — as the catalogues write them in each language (reviewed term by
// term, docs/glossary.md). A machine translation that says «Розмінування» where the interface
// says it keeps one word per concept; a facilitator translating by hand is shown the same terms.
// Pure: no database, no Node APIs.

/** Catalogue sections whose values are the names of the domain's terms (keyed by enum value). */
export const GLOSSARY_SECTIONS = ['sector', 'capability', 'stage', 'hostility', 'needStatus', 'matchStatus'] as const;

export type Catalogue = Record<string, unknown>;
export type Catalogues = Record<Locale, Catalogue>;
export type GlossaryTerm = { source: string; target: string };
export type GlossaryDictionary = { from: Locale; to: Locale; terms: GlossaryTerm[] };

export const CATALOGUES: Catalogues = { en, ja, uk };

// DeepL refuses entries with tabs, line breaks or other control characters; a catalogue value
// with an ICU placeholder ({sector}) is a sentence, not a term.
const isTerm = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '' && !/[\p{Cc}{}]/u.test(value) && value.trim() === value;

/**
 * The term pairs for one language pair, in catalogue order. A term missing (or not a plain term)
 * in either language is left out rather than paired with a guess; a source term that appears
 * twice keeps its first pairing, since a glossary maps each source term once.
 */
export function glossaryTerms(from: Locale, to: Locale, catalogues: Catalogues = CATALOGUES): GlossaryTerm[] {
  if (from === to) return [];
  const terms: GlossaryTerm[] = [];
  const seen = new Set<string>();
  for (const section of GLOSSARY_SECTIONS) {
    const source = catalogues[from][section];
    const target = catalogues[to][section];
    if (!source || typeof source !== 'object' || !target || typeof target !== 'object') continue;
    for (const [key, sourceTerm] of Object.entries(source as Record<string, unknown>)) {
      const targetTerm = (target as Record<string, unknown>)[key];
      if (!isTerm(sourceTerm) || !isTerm(targetTerm) || sourceTerm === targetTerm) continue;
      const folded = sourceTerm.toLocaleLowerCase(from);
      if (seen.has(folded)) continue;
      seen.add(folded);
      terms.push({ source: sourceTerm, target: targetTerm });
    }
  }
  return terms;
}

/** Every ordered pair of the three languages: six dictionaries. */
export function glossaryDictionaries(catalogues: Catalogues = CATALOGUES): GlossaryDictionary[] {
  return LOCALES.flatMap((from) =>
    LOCALES.filter((to) => to !== from).map((to) => ({ from, to, terms: glossaryTerms(from, to, catalogues) })),
  ).filter((dictionary) => dictionary.terms.length > 0);
}

// Japanese has no spaces between words, so a term is found anywhere; in Ukrainian and English it
// must start a word ("Health" is not found in "healthy"'s middle, but is in "Healthcare").
function occursIn(text: string, term: string, language: Locale): boolean {
  const haystack = text.toLocaleLowerCase(language);
  const needle = term.toLocaleLowerCase(language);
  if (language === 'ja') return haystack.includes(needle);
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1])) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

/**
 * The glossary terms that occur in a text written in `from`, with their words in `to`: what the
 * translation editor shows beside a text a person translates by hand.
 */
export function glossaryHintsFor(text: string, from: Locale, to: Locale, catalogues: Catalogues = CATALOGUES): GlossaryTerm[] {
  return glossaryTerms(from, to, catalogues).filter((term) => occursIn(text, term.source, from));
}
