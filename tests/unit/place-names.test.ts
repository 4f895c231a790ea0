import { describe, expect, it } from 'vitest';
import { foldForSearch, normaliseName, romaniseUkrainian } from '../../lib/reference/place-names';
import { readingsOf } from '../../lib/reference/search-japan-municipalities';

// The national romanisation and the search key every place name is compared by.

describe('romanisation by Resolution No. 55 of the Cabinet of Ministers of Ukraine (27 Jan 2010)', () => {
  // The resolution's table gives one example per letter (and for зг and the apostrophe).
  const EXAMPLES: [string, string][] = [
    ['Алушта', 'Alushta'], ['Андрій', 'Andrii'], ['Борщагівка', 'Borshchahivka'], ['Вінниця', 'Vinnytsia'],
    ['Гадяч', 'Hadiach'], ['Згорани', 'Zghorany'], ['Ґалаґан', 'Galagan'], ['Донецьк', 'Donetsk'], ['Рівне', 'Rivne'],
    ['Єнакієве', 'Yenakiieve'], ['Гаєвич', 'Haievych'], ['Короп’є', 'Koropie'], ['Житомир', 'Zhytomyr'],
    ['Закарпаття', 'Zakarpattia'], ['Медвин', 'Medvyn'], ['Іршава', 'Irshava'], ['Їжакевич', 'Yizhakevych'],
    ['Кадіївка', 'Kadiivka'], ['Йосипівка', 'Yosypivka'], ['Стрий', 'Stryi'], ['Олексій', 'Oleksii'],
    ['Київ', 'Kyiv'], ['Лебедин', 'Lebedyn'], ['Миколаїв', 'Mykolaiv'], ['Ніжин', 'Nizhyn'], ['Одеса', 'Odesa'],
    ['Полтава', 'Poltava'], ['Розгон', 'Rozghon'], ['Суми', 'Sumy'], ['Тетерів', 'Teteriv'], ['Ужгород', 'Uzhhorod'],
    ['Фастів', 'Fastiv'], ['Харків', 'Kharkiv'], ['Біла Церква', 'Bila Tserkva'], ['Чернівці', 'Chernivtsi'],
    ['Шостка', 'Shostka'], ['Гоща', 'Hoshcha'], ['Щербухи', 'Shcherbukhy'], ['Юрій', 'Yurii'], ['Костюк', 'Kostiuk'],
    ['Яготин', 'Yahotyn'], ['Ічня', 'Ichnia'], ['Знам’янка', 'Znamianka'],
  ];
  it.each(EXAMPLES)('%s → %s', (ukrainian, latin) => {
    expect(romaniseUkrainian(ukrainian)).toBe(latin);
  });

  it('drops the apostrophe however it is typed', () => {
    for (const name of ["Знам'янка", 'Знамʼянка', 'Знам`янка', 'Знам’янка']) expect(romaniseUkrainian(name)).toBe('Znamianka');
  });

  it('romanises the community names the issue names', () => {
    expect(romaniseUkrainian('Новодунаєвецька')).toBe('Novodunaievetska');
    expect(romaniseUkrainian('Запоріжжя')).toBe('Zaporizhzhia');
    expect(romaniseUkrainian('Черкаси')).toBe('Cherkasy');
  });
});

describe('the search key', () => {
  it('ignores case, apostrophes and hyphens', () => {
    expect(normaliseName('ODESA')).toBe('odesa');
    expect(normaliseName("Знам'янська")).toBe(normaliseName('Знам’янська'));
    expect(normaliseName('Знамʼянська')).toBe('знамянська');
    expect(normaliseName('Andriievo-Ivanivska')).toBe('andriievo ivanivska');
    expect(normaliseName('  Bila   Tserkva ')).toBe('bila tserkva');
  });

  it('mends a word that mixes Latin and Cyrillic look-alikes, towards the alphabet most of it is in', () => {
    expect(normaliseName('Oдеса')).toBe('одеса'); // Latin O
    expect(normaliseName('Кyiv')).toBe('kyiv'); // Cyrillic К
    expect(normaliseName('Odesa Одеса')).toBe('odesa одеса'); // two clean words stay as they are
  });

  it('reads half-width and full-width forms as their usual ones, and hiragana as katakana', () => {
    expect(normaliseName('ｵﾃﾞｰｻ')).toBe('オデーサ');
    expect(normaliseName('おでーさ')).toBe('オデーサ');
    expect(normaliseName('ＯＤＥＳＡ')).toBe('odesa');
  });

  it('drops the marks of Latin letters but keeps й and ї', () => {
    expect(normaliseName('Ōsaka')).toBe('osaka');
    expect(normaliseName('Київ')).toBe('київ');
    expect(normaliseName('Стрий')).toBe('стрий');
    expect(normaliseName('デ')).toBe('デ');
  });

  it('folds as the database does (the SQL twin is checked against this in the integration tests)', () => {
    expect(foldForSearch('Знам’янка-Вузлова')).toBe('знамянка вузлова');
    expect(foldForSearch('ｷｰｳ')).toBe('キーウ');
  });
});

describe('readings of a Japanese query', () => {
  it('turns romaji into hiragana with wanakana, macrons spelt both ways', () => {
    expect(readingsOf('oosaka')).toEqual(['おおさか']);
    expect(readingsOf('Ōsaka')).toEqual(['おおさか', 'おうさか']);
    expect(readingsOf('Tōkyō')).toContain('とうきょう');
  });
  it('takes kana in either script and width, and leaves an unfinished syllable out', () => {
    expect(readingsOf('オオサカ')).toEqual(['おおさか']);
    expect(readingsOf('ｵｵｻｶ')).toEqual(['おおさか']);
    expect(readingsOf('osak')).toEqual(['おさ']);
  });
});
