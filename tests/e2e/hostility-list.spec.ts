import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { Client } from 'pg';
import { E2E_DATABASE_URL_FILE } from './database-url';
import { demoEmail, signIn } from './helpers';

// An ADMIN loads an amending order of the hostilities list, sees what it changes, applies it, and
// a need in the hromada concerned shows the new status with the order it comes from.

const IZIUM = 'UA63040090000021240';
// Izium's "possible hostilities" ends and "active hostilities" begins: a constructed order for
// the test, in the Ministry's tabular form (see tests/fixtures/hostility/README.md).
const ORDER = [
  'katottg;category;oblast;name_uk;start_date;end_date',
  `${IZIUM};possible_hostilities;ХАРКІВСЬКА ОБЛАСТЬ;Ізюмська міська територіальна громада;11.09.2022;29.01.2026`,
  `${IZIUM};active_hostilities;ХАРКІВСЬКА ОБЛАСТЬ;Ізюмська міська територіальна громада;30.01.2026;`,
].join('\n');

async function queryOne(sql: string, values: unknown[]): Promise<string> {
  const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(sql, values);
    return rows[0].id;
  } finally {
    await client.end();
  }
}
const openNeedIn = (hromadaCode: string) =>
  queryOne(`SELECT id FROM "Need" WHERE "hromadaCode" = $1 AND status = 'OPEN' ORDER BY "createdAt" LIMIT 1`, [hromadaCode]);

test('an admin previews and applies an amendment; the need page shows the new status as of the order', async ({ page }) => {
  const needId = await openNeedIn(IZIUM);
  await page.goto(`/en/needs/${needId}`);
  await expect(page.locator('.need-place .badge').first()).toHaveText('Possible hostilities');

  await signIn(page, demoEmail('admin'));
  await page.goto('/en/admin/hostility-list');
  await page.getByLabel('Kind of order').selectOption('AMENDMENT');
  await page.getByLabel('Order number').fill('26-e2e');
  await page.getByLabel('Order date').fill('2026-01-08');
  await page.getByTestId('hostility-file').setInputFiles({ name: 'order-26.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDER) });
  await expect(page.getByLabel('Source')).toHaveValue('order-26.csv');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  const preview = page.getByTestId('hostility-preview');
  await expect(preview).toContainText('2 rows read: 1 periods added, 1 changed');
  const row = preview.getByRole('row').filter({ hasText: 'Ізюмська' });
  await expect(row).toContainText('Possible hostilities');
  await expect(row).toContainText('Active hostilities');
  // Nothing is applied by the preview.
  await page.goto(`/en/needs/${needId}`);
  await expect(page.locator('.need-place .badge').first()).toHaveText('Possible hostilities');

  await page.goBack();
  await page.getByLabel('Order number').fill('26-e2e');
  await page.getByLabel('Order date').fill('2026-01-08');
  await page.getByLabel('Source').fill('order-26.csv');
  await page.getByRole('textbox', { name: 'Table' }).fill(ORDER);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByRole('button', { name: 'Apply this order' }).click();
  await expect(page.getByText('Order applied: 1 hromada changed status.')).toBeVisible();
  await expect(page.getByTestId('hostility-editions')).toContainText('Order No. 26-e2e of January 8, 2026');

  await page.goto(`/en/needs/${needId}`);
  await expect(page.locator('.need-place .badge').first()).toHaveText('Active hostilities');
  await expect(page.getByTestId('hostility-source')).toHaveText('as of Order No. 26-e2e of January 8, 2026');

  // A match's security reason says which order it rests on.
  const matchId = await queryOne(`SELECT id FROM "Match" WHERE "needId" = $1 ORDER BY score DESC LIMIT 1`, [needId]);
  await page.goto(`/en/facilitator/matches/${matchId}`);
  await expect(page.getByTestId('security-as-of').first()).toHaveText('(as of Order No. 26-e2e of January 8, 2026)');
});

test('a table with an unknown code is refused line by line', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  await page.goto('/en/admin/hostility-list');
  await page.getByLabel('Order number').fill('27-e2e');
  await page.getByLabel('Order date').fill('2026-01-20');
  await page.getByLabel('Source').fill('bad.csv');
  await page.getByRole('textbox', { name: 'Table' }).fill('katottg,category,name_uk,start_date,end_date\nUA99999999999999999,active_hostilities,Nowhere,01.01.2026,');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('hostility-row-errors')).toHaveText('Line 2: code not in KATOTTG');
  await expect(page.getByTestId('hostility-preview')).toHaveCount(0);
});

test('the page is accessible in Ukrainian and Japanese', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  for (const locale of ['uk', 'ja']) {
    await page.goto(`/${locale}/admin/hostility-list`);
    await expect(page.locator('main h1')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), locale).toEqual([]);
  }
});

test('a full edition is too large for the form: the page says so, in words, and sends nothing', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  await page.goto('/en/admin/hostility-list');
  await page.getByLabel('Kind of order').selectOption('EDITION');
  await page.getByLabel('Order number').fill('376-e2e');
  await page.getByLabel('Order date').fill('2025-02-28');
  await page.getByTestId('hostility-file').setInputFiles('prisma/reference/hostility-periods.csv');
  const requests: string[] = [];
  page.on('request', (request) => { if (request.method() === 'POST') requests.push(request.url()); });
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByText(/larger than this page can send.*npm run hostility:load/)).toBeVisible();
  await expect(page.getByTestId('hostility-preview')).toHaveCount(0);
  expect(requests).toEqual([]);
});

test('an order dated before the one in force is previewed with a warning', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  await page.goto('/en/admin/hostility-list');
  await page.getByLabel('Order number').fill('1-e2e');
  await page.getByLabel('Order date').fill('2024-01-01');
  await page.getByLabel('Source').fill('old.csv');
  await page.getByRole('textbox', { name: 'Table' }).fill(ORDER.split('\n').slice(0, 2).join('\n'));
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('hostility-older-order')).toContainText(/This order is dated January 1, 2024, before Order No\. \S+ of/);
});
