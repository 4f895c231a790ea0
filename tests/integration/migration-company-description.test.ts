import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrationSteps } from './migration-steps';

// The company description moves from two columns (descriptionJa, descriptionEn) to one original
// with its language, the other text becoming the author's translation: no company loses a word
// it wrote on deploy.

const FIRST = 'company_description_language';
const SECOND = 'company_description_translations';

const migrations = migrationSteps('kakehashi_description_migration');

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe(`migrations ${FIRST} and ${SECOND}`, () => {
  it('keep the Japanese text as the original, else the English, and the other as the author’s translation', async () => {
    const { client } = migrations;
    await migrations.applyBefore(FIRST);

    // Parents' references (the prefecture) are not the point here.
    await client.query('SET session_replication_role = replica');
    // Companies as the previous schema held them: both texts, Japanese only, English only, none
    // (a blank Japanese text counts as none).
    const rows: [number, string, string][] = [[1, '発電機の製造', 'Maker of generators'], [2, '橋梁の設計', ''], [3, '  ', 'Water purification'], [4, '', '']];
    for (const [n, ja, en] of rows) {
      await client.query(
        `INSERT INTO "Company" (id, "legalNameJa", "legalNameEn", "corporateNumber", "prefectureCode", "cityJa", "cityEn", industry, employees,
           "capitalJpy", "riskAppetite", "contactName", "contactEmail", "descriptionJa", "descriptionEn", "updatedAt")
         VALUES ($1, '株式会社', 'KK', $2, '13', '東京', 'Tokyo', 'MANUFACTURING_AND_OTHER', 10, 1000000, 'NO_HOSTILITIES', 'Contact', 'c@example.test', $3, $4, now())`,
        [id(n), `123456789012${n}`, ja, en],
      );
    }
    await migrations.applyThrough(SECOND);
    await client.query('SET session_replication_role = DEFAULT');

    const companies = await client.query('SELECT id, description, "descriptionLanguage" FROM "Company" ORDER BY id');
    expect(companies.rows).toEqual([
      { id: id(1), description: '発電機の製造', descriptionLanguage: 'ja' },
      { id: id(2), description: '橋梁の設計', descriptionLanguage: 'ja' },
      { id: id(3), description: 'Water purification', descriptionLanguage: 'en' },
      { id: id(4), description: '', descriptionLanguage: 'ja' },
    ]);
    const translations = await client.query('SELECT subject, "subjectId", field, locale, text, origin, provider, "sourceDigest" FROM "TextTranslation"');
    expect(translations.rows).toEqual([
      { subject: 'COMPANY', subjectId: id(1), field: 'description', locale: 'en', text: 'Maker of generators', origin: 'AUTHOR', provider: null, sourceDigest: sha256('発電機の製造') },
    ]);
    const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Company' AND column_name LIKE 'description%' ORDER BY 1`);
    expect(columns.rows.map((row) => row.column_name)).toEqual(['description', 'descriptionLanguage']);
  });
});
