import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Page } from './fixtures';
import { DEMO_PASSWORD, demoEmail, eventually, readLatestEmail } from './helpers';

// Issue 15: a company hears of a fitting new need in the app (the bell, the notifications page,
// with the match's reasons) and by email — the hromada publishes, the ranking job decides.

type Messages = typeof import('../../lib/i18n/messages/en.json');
const en = JSON.parse(readFileSync('lib/i18n/messages/en.json', 'utf8')) as Messages;
// Two browsers, a ranking job and a password hash on a shared machine: every step may take a while.
const expect = baseExpect.configure({ timeout: 20_000 });

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/en/sign-in');
  await page.getByLabel(en.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(en.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: en.signIn.submit, exact: true }).click();
  // Each role lands on its own start page.
  await expect(page).toHaveURL(/\/en\/(company\/recommended|municipality\/needs|facilitator\/dashboard|admin\/users)$/);
}

test('a company receives an in-app notice and an email for a fitting new need', async ({ browser }) => {
  test.setTimeout(480_000);
  const company = await (await browser.newContext()).newPage();
  await signIn(company, demoEmail('company-01'));
  // The company announces every need that ranks it (threshold 0), by email at once.
  await company.goto('/en/notifications/preferences');
  await company.getByLabel(en.notifications.preferences.threshold).fill('0');
  await company.getByLabel(en.notifications.kindNames.needFits).selectOption('IMMEDIATE');
  await company.getByRole('button', { name: en.notifications.preferences.save }).click();
  await expect(company.getByText(en.notifications.preferences.saved)).toBeVisible();

  const hromada = await (await browser.newContext()).newPage();
  await signIn(hromada, demoEmail('hromada-uzhhorod'));
  const title = `Notified ${randomInt(1e6)}: generators for the pumping stations`;
  await hromada.goto('/en/municipality/needs/new');
  await hromada.getByLabel(en.needForm.needTitle).fill(title);
  await hromada.getByLabel(en.needForm.description).fill('Two 200 kW generators for the pumping stations during outages.');
  await hromada.getByLabel(en.needs.sector).selectOption('ENERGY');
  await hromada.getByRole('radio', { name: new RegExp(`^${en.stage.RAPID_RECOVERY}`) }).check();
  await hromada.getByLabel(en.needs.urgency).selectOption('HIGH');
  await hromada.getByRole('checkbox', { name: en.capability.POWER_GENERATORS, exact: true }).check();
  await hromada.getByLabel(en.needForm.fundingSource).selectOption('DONOR_GRANT');
  // A Prozorro tender: the demo company asks for a transparent one (a need without is excluded).
  await hromada.getByLabel(en.needForm.procurementMethod).selectOption('PROZORRO');
  await hromada.getByLabel(en.needForm.prozorroTenderId).fill('UA-2025-05-01-001234-a');
  await hromada.getByRole('button', { name: en.needForm.saveDraft }).click();
  await expect(hromada.getByRole('heading', { name: title })).toBeVisible();
  await hromada.getByRole('button', { name: en.needPage.publish }).click();
  await expect(hromada.locator('.need-place .badge').last()).toHaveText(en.needStatus.OPEN);

  // The ranking runs in the background; then the bell counts the notice.
  await eventually(company, async () => {
    await company.goto('/en/needs');
    await expect(company.getByTestId('notification-count').filter({ visible: true })).toBeVisible({ timeout: 5_000 });
  }, 90_000);
  await company.getByTestId('notification-bell').filter({ visible: true }).click();
  await expect(company.getByRole('heading', { name: en.notifications.title, level: 1 })).toBeVisible();
  const notice = company.getByTestId('notice-list').getByRole('listitem').filter({ hasText: title });
  await expect(notice).toContainText(en.notifications.reasons);
  await expect(notice.getByRole('link', { name: new RegExp(title) })).toBeVisible();

  // The email, in the company's language (Japanese), with one-click unsubscribe.
  const email = await readLatestEmail(demoEmail('company-01'), 'notice:needFits');
  expect(email.subject).toContain(title);
  expect(email.subject).toContain('貴社に合う新しい案件');

  // Mark all as read: no notice is new any more, and the bell shows no count.
  await company.getByRole('button', { name: en.notifications.markAllRead }).click();
  await expect(company.getByTestId('notice-list').getByText(en.notifications.new, { exact: true })).toHaveCount(0);
  await expect(company.getByTestId('notification-count')).toHaveCount(0);

  // The centre fits a phone in every language, header bell included.
  await company.setViewportSize({ width: 360, height: 800 });
  for (const path of ['/ja/notifications', '/uk/notifications', '/en/notifications/preferences', '/ja/notifications/preferences']) {
    await company.goto(path);
    const { scrollWidth, innerWidth } = await company.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${path} is ${scrollWidth}px wide at ${innerWidth}px`).toBeLessThanOrEqual(innerWidth);
  }
  await expect(company.getByTestId('notification-bell').filter({ visible: true })).toBeVisible();
});
