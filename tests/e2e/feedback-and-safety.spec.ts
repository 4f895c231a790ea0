import { randomInt } from 'node:crypto';
import { expect, test, type Page } from './fixtures';
import { withCheckDigit } from '../../lib/companies/corporate-number';
import { confirmSignUpAndSignIn, demoEmail, readLatestEmail, signIn, withDatabase } from './helpers';

// Issue 13, feedback and safety: each role lands on its own start page with its to-do list;
// closing a need asks why and can be undone; a rejection says why, is emailed, and can be
// answered by fixing and resubmitting; rankings refresh themselves after a change.

const unique = () => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

/**
 * A fresh open need copied from one where `companyEmail`'s company is among the best, so the
 * test changes nothing other specs read; returns it with its hromada representative's email.
 */
async function copyOfRankedNeed(companyEmail: string, title: string): Promise<{ id: string; repEmail: string }> {
  return withDatabase(async (client) => {
    const { rows: [need] } = await client.query<{ id: string; municipalityId: string }>(
      `WITH source AS (
         SELECT n.* FROM "Need" n JOIN "Match" m ON m."needId" = n.id JOIN "User" u ON u."companyId" = m."companyId"
         WHERE u.email = $1 AND n.status = 'OPEN' AND m."inNeedTop" ORDER BY m.score DESC LIMIT 1)
       INSERT INTO "Need" (id, "municipalityId", "hromadaCode", sector, title, description, stage, urgency, "budgetAmount", "budgetCurrency",
         "fundingSource", "procurementMethod", "prozorroTenderId", "dreamProjectId", "requiredCapabilities", status, "publishedAt", "updatedAt")
       SELECT gen_random_uuid(), "municipalityId", "hromadaCode", sector, $2, description, stage, urgency, "budgetAmount", "budgetCurrency",
         "fundingSource", "procurementMethod", "prozorroTenderId", "dreamProjectId", "requiredCapabilities", 'OPEN', now(), now()
       FROM source RETURNING id, "municipalityId"`,
      [companyEmail, title],
    );
    const { rows: [rep] } = await client.query<{ email: string }>(
      `SELECT email FROM "User" WHERE "municipalityId" = $1 AND role = 'MUNICIPALITY_REP' AND "disabledAt" IS NULL ORDER BY "createdAt" LIMIT 1`,
      [need.municipalityId],
    );
    return { id: need.id, repEmail: rep.email };
  });
}

test.describe('each role lands on its own start page, with its to-do list', () => {
  const cases: [string, RegExp][] = [
    [demoEmail('company-01'), /\/en\/company\/recommended$/],
    [demoEmail('hromada-uzhhorod'), /\/en\/municipality\/needs$/],
    [demoEmail('facilitator'), /\/en\/facilitator\/dashboard$/],
    [demoEmail('admin'), /\/en\/admin\/users$/],
  ];
  for (const [email, start] of cases) {
    test(email.split('@')[0], async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(start);
      await expect(page.getByRole('heading', { name: 'To do' })).toBeVisible();
      // The start page with its to-do list fits a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    });
  }

  test('an explicit return path still wins', async ({ page }) => {
    await page.goto(`/en/sign-in?callbackUrl=${encodeURIComponent('/needs?sector=ENERGY')}`);
    await page.getByLabel('Email', { exact: true }).fill(demoEmail('facilitator'));
    await page.getByLabel('Password', { exact: true }).fill('kakehashi-demo-2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/en\/needs\?sector=ENERGY$/, { timeout: 15_000 });
  });
});

test('after registering interest, the score and the interest are fresh without a reload', async ({ page }) => {
  const companyEmail = demoEmail('company-03');
  const need = await copyOfRankedNeed(companyEmail, `Interest refresh ${unique()}`);
  await signIn(page, companyEmail);
  await page.goto(`/en/needs/${need.id}`);
  await page.getByLabel('Note to the hromada').fill('We can start next month.');
  await page.getByRole('button', { name: 'Register interest' }).click();
  await expect(page.getByText('Interest registered.', { exact: true })).toBeVisible();
  // No page.reload(): the page follows the background re-ranking by itself.
  await expect(page.getByText(/^Your match score: \d+ out of 100/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('The company registered interest.').first()).toBeVisible();
  await expect(page.getByTestId('ranking-progress')).toHaveCount(0);
});

test('a hromada closes a need with a reason and reopens it; the ranking comes back by itself', async ({ page }) => {
  const title = `Close and reopen ${unique()}`;
  const need = await copyOfRankedNeed(demoEmail('company-02'), title);
  await signIn(page, need.repEmail);
  await page.goto(`/en/needs/${need.id}`);

  await page.getByRole('button', { name: 'Close this need…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Close the need' }).click();
  await expect(dialog.getByText('Choose one.').first()).toBeVisible();
  await dialog.getByRole('radio', { name: /^Cancelled/ }).check();
  await dialog.getByRole('button', { name: 'Close the need' }).click();
  await expect(page.getByText('The need is closed.')).toBeVisible();
  await expect(page.getByTestId('need-closed')).toContainText('This need is closed. Reason: Cancelled.');

  await page.goto('/en/municipality/needs');
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Cancelled');
  await page.getByRole('link', { name: title }).click();

  await page.getByRole('button', { name: 'Reopen' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reopen the need' }).click();
  await expect(page.getByText('The need is open again.')).toBeVisible();
  await expect(page.locator('.need-place .badge').last()).toHaveText('Open');
  await expect(page.getByTestId('recommended-company').first()).toBeVisible({ timeout: 30_000 });

  const audit = await withDatabase((client) => client.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityId" = $1 ORDER BY id`, [need.id]));
  expect(audit.rows.map((row) => row.action)).toEqual(['need.closed', 'need.reopened']);
});

async function rejectOrVerify(page: Page, email: string, decision: 'reject' | 'verify', reason?: string) {
  await page.goto('/en/facilitator/verifications');
  const row = page.getByRole('row').filter({ hasText: email });
  if (decision === 'verify') {
    await row.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByText(/is verified\. Its members have been told by email\./)).toBeVisible();
  } else {
    await row.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kind of problem').selectOption('DETAILS_DO_NOT_MATCH_REGISTER');
    await dialog.getByRole('button', { name: 'Reject and send the reason' }).click();
    await expect(dialog.getByText('Write the reason: at least 10 characters.')).toBeVisible();
    await dialog.getByLabel('Reason').fill(reason ?? '');
    await dialog.getByRole('button', { name: 'Reject and send the reason' }).click();
    await expect(page.getByText(/was not verified\. The reason has been emailed/)).toBeVisible();
  }
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
}

test('a rejected company reads why by email and on its page, fixes, resubmits, and is verified', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = `e2e-rejected-${unique()}@example.test`;
  const reason = 'The corporate number belongs to another company in the NTA register.';
  await page.goto('/en/sign-up/company');
  await page.getByLabel('Your name').fill('Kenji Watanabe');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('Legal name (Japanese)').fill('株式会社差戻テスト');
  await page.getByLabel('Legal name (English)').fill(`Resubmit Test ${unique()}`);
  await page.getByLabel('Corporate number (法人番号)').fill(withCheckDigit(String(randomInt(1e11, 1e12))));
  await page.getByLabel('Search the official list (kanji, kana or romaji)').fill('Sakai');
  await page.getByRole('radio', { name: /^大阪府堺市 · Sakai, Osaka/ }).check();
  await page.getByLabel('Employees').fill('42');
  await page.getByLabel('Capital (yen)').fill('30000000');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Check your email.')).toBeVisible();
  await confirmSignUpAndSignIn(page, email, 'a long enough passphrase');

  const facilitator = await (await browser.newContext()).newPage();
  await signIn(facilitator, demoEmail('facilitator'));
  await rejectOrVerify(facilitator, email, 'reject', reason);

  const rejection = await readLatestEmail(email, 'organisation-rejected');
  // In the member's own language (a Japanese company's account speaks Japanese), whatever the facilitator reads.
  expect(rejection.subject).toBe('架け橋（Kakehashi）: 確認を完了できませんでした');
  expect(rejection.text).toContain(reason);
  expect(rejection.text).toContain('登録内容が公的な登録情報と一致しません。');
  expect(rejection.text).toMatch(/\/ja\/account/);

  await page.goto('/en/account');
  const state = page.getByTestId('verification-state');
  await expect(state).toContainText('Your organisation could not be verified yet');
  await expect(state).toContainText(reason);
  // Never "not verified" beside "a facilitator will check".
  await expect(page.getByText('A facilitator will check your organisation')).toHaveCount(0);
  await state.getByRole('link', { name: 'your company profile' }).click();
  await expect(page.getByTestId('profile-rejected')).toContainText(reason);

  await page.goto('/en/account');
  await page.getByLabel('What did you fix?').fill('Corrected the corporate number.');
  await page.getByRole('button', { name: 'Ask for a new check' }).click();
  await expect(page.getByText('Sent. A facilitator will check your organisation again.')).toBeVisible();
  await expect(page.getByTestId('verification-state')).toContainText('A facilitator will check your organisation');

  await facilitator.goto('/en/facilitator/verifications');
  await expect(facilitator.getByRole('row').filter({ hasText: email }).getByTestId('resubmission')).toContainText(reason);
  await rejectOrVerify(facilitator, email, 'verify');

  await page.reload();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByTestId('verification-state')).toHaveCount(0);
});
