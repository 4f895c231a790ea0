import { describe, expect, it } from 'vitest';
import { migrationSteps } from './migration-steps';

// Texts written before their language was recorded get one from their script: Japanese → ja,
// Cyrillic → uk, anything else → en (the column's default).

const MIGRATION = 'content_languages_and_translations';

const migrations = migrationSteps('kakehashi_content_migration');

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe(`migration ${MIGRATION}`, () => {
  it('guesses the language of existing needs, notes and introduction messages from their script', async () => {
    const { client } = migrations;
    await migrations.applyBefore(MIGRATION);

    const need = (n: number, title: string, description: string) => `INSERT INTO "Need" (id, "municipalityId", "hromadaCode", sector, title, description, stage, urgency, "fundingSource", "procurementMethod", "updatedAt")
      VALUES ('${id(n)}', '${id(90)}', 'UA00000000000000001', 'WATER_SANITATION', '${title}', '${description}', 'RAPID_RECOVERY', 'LOW', 'MUNICIPAL_BUDGET', 'NONE', now());`;
    await client.query(`
      SET session_replication_role = replica;
      ${need(1, 'Pumps for Bucha', 'Two pumps for the water utility.')}
      ${need(2, 'Насоси для водоканалу', 'Два насоси (Grundfos) для водоканалу.')}
      ${need(3, '浄水場のポンプ', 'Grundfos製ポンプ2台。')}
      INSERT INTO "Interest" (id, "companyId", "needId", direction, note) VALUES
        ('${id(11)}', '${id(91)}', '${id(1)}', 'COMPANY_INTEREST', '三週間で納入できます。'),
        ('${id(12)}', '${id(92)}', '${id(1)}', 'COMPANY_INTEREST', ''),
        ('${id(13)}', '${id(91)}', '${id(2)}', 'MUNICIPALITY_INVITATION', 'Запрошуємо до співпраці.');
      INSERT INTO "Introduction" (id, "needId", "companyId", "introducedById", message) VALUES
        ('${id(21)}', '${id(1)}', '${id(91)}', '${id(93)}', 'Meet them.'),
        ('${id(22)}', '${id(2)}', '${id(91)}', '${id(93)}', 'ご紹介します。');
      SET session_replication_role = DEFAULT;`);

    await migrations.applyThrough(MIGRATION);

    const languages = async (table: string, column: string) =>
      Object.fromEntries((await client.query(`SELECT id, "${column}" AS language FROM "${table}" ORDER BY id`)).rows.map((row) => [row.id, row.language]));
    expect(await languages('Need', 'language')).toEqual({ [id(1)]: 'en', [id(2)]: 'uk', [id(3)]: 'ja' });
    expect(await languages('Interest', 'noteLanguage')).toEqual({ [id(11)]: 'ja', [id(12)]: 'en', [id(13)]: 'uk' });
    expect(await languages('Introduction', 'messageLanguage')).toEqual({ [id(21)]: 'en', [id(22)]: 'ja' });
  });
});
