import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import { glossaryDictionaries, glossaryHintsFor, glossaryTerms, type Catalogues } from '../../lib/content/machine/glossary';
import { glossaryDigest } from '../../lib/content/machine/glossary-store';

// The glossary is drawn from the catalogues: the interface's words for sectors, capabilities,
// stages and statuses are the words a machine translation and a translating facilitator use.

describe('glossaryTerms', () => {
  it('pairs each sector, capability, stage and status as the catalogues name it', () => {
    const terms = glossaryTerms('uk', 'ja');
    expect(terms).toContainEqual({ source: uk.sector.DEMINING, target: ja.sector.DEMINING });
    expect(terms).toContainEqual({ source: uk.capability.POWER_GENERATORS, target: ja.capability.POWER_GENERATORS });
    expect(terms).toContainEqual({ source: uk.stage.RECONSTRUCTION, target: ja.stage.RECONSTRUCTION });
    expect(terms).toContainEqual({ source: uk.hostility.TEMPORARILY_OCCUPIED, target: ja.hostility.TEMPORARILY_OCCUPIED });
    expect(terms).toContainEqual({ source: uk.matchStatus.SHORTLISTED, target: ja.matchStatus.SHORTLISTED });
    expect(terms).toContainEqual({ source: uk.needStatus.OPEN, target: ja.needStatus.OPEN });
    expect(glossaryTerms('en', 'uk')).toContainEqual({ source: en.sector.ENERGY, target: uk.sector.ENERGY });
    // Only term sections: no sentence from elsewhere in the catalogues.
    expect(terms.find((term) => term.source === uk.needs.sector)).toBeUndefined();
  });

  it('leaves out a term missing in one language, and one that is a sentence with a placeholder', () => {
    const catalogues = structuredClone({ en, ja, uk }) as unknown as Catalogues;
    delete (catalogues.ja.sector as Record<string, string>).HEALTH;
    (catalogues.uk.capability as Record<string, string>).TELEMEDICINE = '';
    (catalogues.en.stage as Record<string, string>).RAPID_RECOVERY = 'Rapid {what}';
    const ukJa = glossaryTerms('uk', 'ja', catalogues);
    expect(ukJa.map((term) => term.source)).not.toContain(uk.sector.HEALTH);
    expect(ukJa.map((term) => term.target)).not.toContain(ja.capability.TELEMEDICINE);
    expect(glossaryTerms('en', 'ja', catalogues).map((term) => term.target)).not.toContain(ja.stage.RAPID_RECOVERY);
    // The rest of the pair is still there.
    expect(ukJa).toContainEqual({ source: uk.sector.ENERGY, target: ja.sector.ENERGY });
    expect(glossaryTerms('uk', 'en', catalogues)).toContainEqual({ source: uk.sector.HEALTH, target: en.sector.HEALTH });
  });

  it('maps each source term once and nothing to itself', () => {
    for (const dictionary of glossaryDictionaries()) {
      const sources = dictionary.terms.map((term) => term.source.toLocaleLowerCase(dictionary.from));
      expect(new Set(sources).size).toBe(sources.length);
      expect(dictionary.terms.every((term) => term.source !== term.target)).toBe(true);
      expect(dictionary.terms.every((term) => !/[\t\n{}]/.test(term.source + term.target))).toBe(true);
    }
    expect(glossaryTerms('ja', 'ja')).toEqual([]);
  });

  it('has six language pairs, and its digest changes when a term does', () => {
    const dictionaries = glossaryDictionaries();
    expect(dictionaries.map((d) => `${d.from}>${d.to}`).sort()).toEqual(['en>ja', 'en>uk', 'ja>en', 'ja>uk', 'uk>en', 'uk>ja']);
    const changed = structuredClone({ en, ja, uk }) as unknown as Catalogues;
    (changed.uk.sector as Record<string, string>).ENERGY = 'Енергія';
    expect(glossaryDigest(glossaryDictionaries(changed))).not.toBe(glossaryDigest(dictionaries));
    expect(glossaryDigest(glossaryDictionaries())).toBe(glossaryDigest(dictionaries));
  });
});

describe('glossaryHintsFor', () => {
  it('names the terms found in a text, with their words in the other language', () => {
    const text = `Потрібні ${uk.capability.POWER_GENERATORS.toLocaleLowerCase('uk')} для лікарні; ${uk.sector.DEMINING} полів.`;
    const hints = glossaryHintsFor(text, 'uk', 'ja');
    expect(hints).toContainEqual({ source: uk.capability.POWER_GENERATORS, target: ja.capability.POWER_GENERATORS });
    expect(hints).toContainEqual({ source: uk.sector.DEMINING, target: ja.sector.DEMINING });
    expect(hints).not.toContainEqual(expect.objectContaining({ source: uk.sector.ENERGY }));
  });

  it('finds Japanese terms without spaces, and English ones only at the start of a word', () => {
    expect(glossaryHintsFor(`病院向けの${ja.capability.POWER_GENERATORS}が必要です`, 'ja', 'en')).toContainEqual({ source: ja.capability.POWER_GENERATORS, target: en.capability.POWER_GENERATORS });
    expect(glossaryHintsFor('We need irrigation pumps', 'en', 'uk')).toContainEqual({ source: en.capability.IRRIGATION, target: uk.capability.IRRIGATION });
    expect(glossaryHintsFor('Telehealth', 'en', 'uk').map((hint) => hint.source)).not.toContain(en.sector.HEALTH);
    expect(glossaryHintsFor('', 'en', 'uk')).toEqual([]);
  });
});
