import { readFileSync } from 'node:fs';
import { allowConsoleError, expect as baseExpect, test } from './fixtures';
import { Client } from 'pg';
import { E2E_DATABASE_URL_FILE } from './database-url';
import { demoEmail, signIn } from './helpers';

// After an introduction the hromada records, in Ukrainian, that the tender was published on
// Prozorro: the identifier is checked by the same schema as on the server, the step appears with
// its date and who recorded it, and the next step is offered. A company that is not a party is
// told the page does not exist.

// Saving a step and re-rendering is a server round trip: allow for a busy machine.
const expect = baseExpect.configure({ timeout: 20_000 });

/** An introduction of the demo company 01 to one of Kyiv's open needs, made straight in the e2e database. */
async function introduction(): Promise<string> {
  const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`
      WITH company AS (SELECT "companyId" AS id FROM "User" WHERE email = $1),
        hromada AS (SELECT "municipalityId" AS id FROM "User" WHERE email = $2),
        facilitator AS (SELECT id FROM "User" WHERE email = $3),
        need AS (
          SELECT n.id FROM "Need" n, company c WHERE n."municipalityId" = (SELECT id FROM hromada) AND n.status = 'OPEN'
            AND NOT EXISTS (SELECT 1 FROM "Introduction" i WHERE i."needId" = n.id AND i."companyId" = c.id)
          ORDER BY n."createdAt" LIMIT 1)
      INSERT INTO "Introduction" (id, "needId", "companyId", "introducedById", message)
      SELECT gen_random_uuid(), need.id, company.id, facilitator.id, '' FROM need, company, facilitator
      RETURNING id`, [demoEmail('company-01'), demoEmail('hromada-kyiv'), demoEmail('facilitator')]);
    expect(rows, 'an open Kyiv need not yet introduced to company 01').toHaveLength(1);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test('a hromada records the published tender after an introduction; a stranger cannot see it', async ({ page, browser }) => {
  test.slow();
  // The stranger's visit answers 404 on purpose.
  allowConsoleError('status of 404');
  const id = await introduction();
  await signIn(page, demoEmail('hromada-kyiv'), undefined, 'uk');
  await page.goto(`/uk/introductions/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Після знайомства');
  const form = page.getByTestId('pipeline-step-form');
  await expect(form.getByRole('heading')).toHaveText('Запишіть наступний крок: Тендер оголошено');

  await form.getByLabel('Ідентифікатор тендера').fill('UA-2026-11-30-12-a');
  await form.getByRole('button', { name: 'Записати крок' }).click();
  await expect(form.getByRole('alert')).toContainText('Ідентифікатор Prozorro має вигляд UA-2025-03-14-001234-a.');

  await form.getByLabel('Ідентифікатор тендера').fill('UA-2026-11-30-001234-a');
  await form.getByLabel('Примітка (необов’язково)').fill('Оголошено відкриті торги.');
  await form.getByRole('button', { name: 'Записати крок' }).click();
  const step = page.getByTestId('pipeline-step');
  await expect(step).toHaveCount(1);
  await expect(step).toContainText('Тендер оголошено');
  await expect(step).toContainText('Prozorro UA-2026-11-30-001234-a');
  await expect(step).toContainText('громада');
  await expect(page.getByTestId('pipeline-step-form').getByRole('heading')).toHaveText('Запишіть наступний крок: Переможця визначено');

  // The company it was introduced to sees the step; another company gets a 404.
  const party = await browser.newContext();
  const partyPage = await party.newPage();
  await signIn(partyPage, demoEmail('company-01'));
  await partyPage.goto(`/en/introductions/${id}`);
  await expect(partyPage.getByTestId('pipeline-step')).toContainText('Tender published');
  await party.close();

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await signIn(strangerPage, demoEmail('company-05'));
  const response = await strangerPage.goto(`/en/introductions/${id}`);
  expect(response?.status()).toBe(404);
  await stranger.close();
});
