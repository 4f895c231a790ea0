import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { expect as baseExpect, test } from './fixtures';
import { E2E_DATABASE_URL_FILE } from './database-url';
import { demoEmail, signIn } from './helpers';
import { PHONE, sidewaysOverflow } from './main-pages';

// Company pages (issue 14, parts 2 and 5): a company's name opens its page; how to reach the
// company is shown only to whom an introduction gave it (here: Kyiv, introduced to Omi Mine
// Detection), never to a visitor; /companies is searched and filtered on a phone.

const expect = baseExpect.configure({ timeout: 15_000 });
const OMI = 'Omi Mine Detection';

/** Introduces Kyiv (one of its open needs) to Omi Mine Detection, straight in the e2e database. */
async function introduceOmiToKyiv(): Promise<{ companyId: string; contactEmail: string }> {
  const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query<{ companyId: string; contactEmail: string }>(`
      WITH company AS (SELECT id, "contactEmail" FROM "Company" WHERE "legalNameEn" LIKE $1),
        need AS (SELECT n.id FROM "Need" n WHERE n.status = 'OPEN'
          AND n."municipalityId" = (SELECT "municipalityId" FROM "User" WHERE email = $2) ORDER BY n."createdAt" DESC LIMIT 1),
        made AS (
          INSERT INTO "Introduction" (id, "needId", "companyId", "introducedById", message)
          SELECT gen_random_uuid(), need.id, company.id, (SELECT id FROM "User" WHERE email = $3), '' FROM need, company
          ON CONFLICT ("needId", "companyId") DO NOTHING)
      SELECT id AS "companyId", "contactEmail" FROM company`, [`${OMI}%`, demoEmail('hromada-kyiv'), demoEmail('facilitator')]);
    expect(rows, 'the demo company Omi Mine Detection').toHaveLength(1);
    return rows[0];
  } finally {
    await client.end();
  }
}

test('a company name opens its page, whose contacts a visitor does not see', async ({ page }) => {
  await page.goto(`/en/companies?q=${encodeURIComponent('Omi Mine')}`);
  await page.getByRole('table').getByRole('link', { name: new RegExp(OMI) }).click();
  await expect(page).toHaveURL(/\/en\/companies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(OMI);
  await expect(page.getByTestId('company-facts')).toContainText('Cambodia');
  await expect(page.getByTestId('company-facts')).toContainText('Also where hostilities are active');
  await expect(page.getByTestId('contacts-hidden')).toBeVisible();
  await expect(page.getByTestId('company-contacts')).toHaveCount(0);
});

test('the municipality introduced to a company sees its contacts', async ({ page, browser }) => {
  const { companyId, contactEmail } = await introduceOmiToKyiv();
  await signIn(page, demoEmail('hromada-kyiv'), undefined, 'uk');
  await page.goto(`/uk/companies/${companyId}`);
  await expect(page.getByTestId('company-contacts')).toContainText(contactEmail);
  await expect(page.getByTestId('company-contacts').getByRole('link', { name: contactEmail })).toHaveAttribute('href', `mailto:${contactEmail}`);

  // Another hromada, never introduced to it, sees the page without them.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, demoEmail('hromada-kharkiv'), undefined, 'uk');
  await otherPage.goto(`/uk/companies/${companyId}`);
  await expect(otherPage.getByTestId('contacts-hidden')).toBeVisible();
  await expect(otherPage.getByText(contactEmail)).toHaveCount(0);
  await other.close();
});

test('/companies filters by sector and experience on a phone, in the URL', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/ja/companies');
  const search = page.getByRole('search');
  await search.getByLabel('分野').selectOption('DEMINING');
  await search.getByLabel('経験').selectOption('POST_CONFLICT');
  await search.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/sector=DEMINING/);
  await expect(page).toHaveURL(/experience=POST_CONFLICT/);
  const names = page.getByRole('table').getByTestId('company-link');
  await expect(names.filter({ hasText: '近江地雷探知技研株式会社' })).toHaveCount(1);
  // Naniwa makes generators (energy) and has no post-conflict experience.
  await expect(names.filter({ hasText: '浪速パワーシステムズ' })).toHaveCount(0);
  await expect(search.getByLabel('分野')).toHaveValue('DEMINING');
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});
