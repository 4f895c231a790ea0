import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { Client } from 'pg';
import { E2E_DATABASE_URL_FILE } from './database-url';
import { demoEmail, signIn } from './helpers';

// A facilitator imports the package Prozorro published for a tender (a real one, committed in
// tests/fixtures/ocds) and sees its facts on the need's evidence card.

const TENDER = 'UA-2017-10-31-002726-a';
const FIXTURE = path.resolve('tests/fixtures/ocds/prozorro-UA-2017-10-31-002726-a.record-package.json');

/** An open need naming that tender, beside the demo world's needs (which other specs read). */
async function needWithTender(): Promise<string> {
  const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Need" (id, "municipalityId", "hromadaCode", sector, title, description, stage, urgency, "budgetAmount",
         "budgetCurrency", "fundingSource", "procurementMethod", "prozorroTenderId", "requiredCapabilities", status, "publishedAt", "updatedAt")
       SELECT gen_random_uuid(), n."municipalityId", n."hromadaCode", n.sector, 'Railway staff training (evidence e2e)', n.description,
         n.stage, n.urgency, n."budgetAmount", n."budgetCurrency", 'DONOR_GRANT', 'PROZORRO', $1, n."requiredCapabilities", 'OPEN', now(), now()
       FROM "Need" n JOIN "Municipality" m ON m.id = n."municipalityId"
       WHERE n.status = 'OPEN' AND m."verificationStatus" = 'VERIFIED' LIMIT 1
       RETURNING id`,
      [TENDER],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test('a facilitator imports a real Prozorro record and sees it on the need’s evidence card', async ({ page }) => {
  const needId = await needWithTender();
  await signIn(page, demoEmail('facilitator'));

  await page.goto(`/en/needs/${needId}`);
  const card = page.getByTestId('tender-evidence');
  await expect(card).toContainText('No published record has been read for this need yet.');
  await card.page().getByRole('link', { name: 'Import a tender record' }).click();

  await expect(page.getByRole('heading', { name: 'Import a tender record' })).toBeVisible();
  await expect(page.getByLabel('Need ID')).toHaveValue(needId);
  await page.getByLabel('Package file (JSON)').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported: Read from the published record.')).toBeVisible();

  await page.goto(`/en/needs/${needId}`);
  await expect(card.getByTestId('evidence-status')).toHaveText('Read from the published record');
  await expect(card).toContainText('Prozorro');
  await expect(card).toContainText('open tender (aboveThresholdUA)');
  await expect(card).toContainText('UAH');
  await expect(card).toContainText('323,540');
  await expect(card).toContainText('Регіональна філія "Південно-Західна залізниця" ПАТ "Укрзалізниця" (UA-EDR-40081221)');
  await expect(card.getByRole('link', { name: `ocds-be6bcu-${TENDER}` })).toHaveAttribute('href', `https://prozorro.gov.ua/tender/${TENDER}`);
  const bids = card.locator('dt', { hasText: /^Bids$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(bids).toHaveText('2');
});
