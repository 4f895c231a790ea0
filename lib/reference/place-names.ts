import CyrillicToTranslit from 'cyrillic-to-translit-js';

// How place names are written and compared: the national romanisation of Ukrainian, and one
// search key for every way a person may type a name (any case, any apostrophe, a Latin "o"
// slipped into a Cyrillic word, half-width or hiragana kana, Ōsaka for Osaka).

// Resolution No. 55 of the Cabinet of Ministers of Ukraine of 27 January 2010 ("Про
// впорядкування транслітерації українського алфавіту латиницею"): the library's 'uk' preset is
// that table, word-initial forms (Є → Ye, Ї → Yi, Й → Y, Ю → Yu, Я → Ya) and зг → zgh included;
// tests/unit/place-names.test.ts checks it with the resolution's own examples.
const ukrainian = CyrillicToTranslit({ preset: 'uk' });

/** Every apostrophe a Ukrainian name is typed with: the table drops it, whichever it is. */
const APOSTROPHES = /['’‘ʼ`´]/g;

export const romaniseUkrainian = (text: string): string => ukrainian.transform(text.replace(APOSTROPHES, '’'));

const HIRAGANA = /[\u3041-\u3096]/g;

/**
 * The fold the database applies too (SQL function `search_fold`, migration
 * 20261201183149_hromada_names): compatibility forms made canonical (NFKC: full-width Latin,
 * half-width kana), lower case, hiragana as katakana, apostrophes dropped, hyphens as spaces.
 */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(HIRAGANA, (character) => String.fromCharCode(character.charCodeAt(0) + 0x60))
    .replace(/-/g, ' ')
    .replace(APOSTROPHES, '');

// Letters that look the same in both alphabets. Only a word that mixes the two is mended, and
// towards the alphabet most of its letters are in: "Oдеса" (Latin O) is Одеса, "Кyiv" is Kyiv.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};
const CYRILLIC_TO_LATIN = Object.fromEntries(Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]));
const CYRILLIC = /[\u0400-\u04ff]/g;
const LATIN = /[a-z]/g;

function mendLookAlikes(word: string): string {
  const cyrillic = word.match(CYRILLIC)?.length ?? 0;
  const latin = word.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 || latin === 0) return word;
  const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
  return [...word].map((character) => table[character] ?? character).join('');
}

/** Macrons and accents on Latin letters (Ōsaka, Kyïv) do not tell names apart; й and ї do. */
const stripLatinMarks = (text: string): string =>
  text.normalize('NFD').replace(/([a-z])[\u0300-\u036f]+/g, '$1').normalize('NFC');

/** The search key of a name, and of what a person types to find it. */
export function normaliseName(text: string): string {
  return stripLatinMarks(foldForSearch(text))
    .split(/\s+/)
    .filter(Boolean)
    .map(mendLookAlikes)
    .join(' ');
}
