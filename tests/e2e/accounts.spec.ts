import { randomInt } from 'node:crypto';
import { allowConsoleError, expect, test } from './fixtures';
import { withCheckDigit } from '../../lib/companies/corporate-number';
import { confirmSignUpAndSignIn, demoEmail, linkIn, readLatestEmail, signIn } from './helpers';

const unique = () => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;

test('a company signs up, waits for verification, and a facilitator verifies it', async ({ page, browser }) => {
  const email = `e2e-company-${unique()}@example.test`;
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByRole('link', { name: /A Japanese company/ }).click();
  await expect(page.getByRole('heading', { name: 'Sign up your company' })).toBeVisible();

  await page.getByLabel('Your name').fill('Kenji Watanabe');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Legal name (Japanese)').fill('株式会社E2E発電');
  await page.getByLabel('Legal name (English)').fill(`E2E Power ${unique()}`);
  await page.getByLabel('Search the official list (kanji, kana or romaji)').fill('Sakai');
  await page.getByRole('radio', { name: /^大阪府堺市 · Sakai, Osaka/ }).check();
  await page.getByLabel('City (Japanese)').fill('堺市');
  await page.getByLabel('City (English)').fill('Sakai');
  // Amounts are shown grouped as typed in the reader's language.
  await page.getByLabel('Capital (yen)').fill('30000000');
  await page.getByLabel('Capital (yen)').blur();
  await expect(page.getByLabel('Capital (yen)')).toHaveValue('30,000,000');
  await page.getByRole('button', { name: 'Create account' }).click();

  // Client-side validation with the shared schema: translated, saying what is missing and the
  // limit, and nothing typed is lost.
  await expect(page.getByText('At least 12 characters.')).toBeVisible();
  await expect(page.getByText('Enter your corporate number (法人番号): 13 digits.')).toBeVisible();
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await expect(page.getByLabel('City (English)')).toHaveValue('Sakai');
  await page.getByLabel('Corporate number (法人番号)').fill('1234567890123');
  await page.getByLabel('Employees').fill('42');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('These 13 digits are not a corporate number')).toBeVisible();

  await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('Corporate number (法人番号)').fill(withCheckDigit(String(randomInt(1e11, 1e12))));
  await page.getByRole('button', { name: 'Create account' }).click();
  // Nothing exists until the emailed link is opened.
  await expect(page.getByText('Check your email.')).toBeVisible();
  await confirmSignUpAndSignIn(page, email, 'a long enough passphrase');
  await page.goto('/en/account');
  await expect(page.getByText('Waiting for verification')).toBeVisible();

  const facilitatorContext = await browser.newContext();
  const facilitator = await facilitatorContext.newPage();
  await signIn(facilitator, demoEmail('facilitator'));
  // Staff pages sit in the header's "Facilitation" menu.
  await facilitator.getByRole('button', { name: 'Facilitation' }).click();
  await facilitator.getByRole('menuitem', { name: 'Verifications' }).click();
  const row = facilitator.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: 'Verify' }).click();
  await facilitator.getByRole('alertdialog').getByRole('button', { name: 'Verify' }).click();
  await expect(facilitator.getByRole('row').filter({ hasText: email })).toHaveCount(0);
  await facilitatorContext.close();

  await page.reload();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  const notice = await readLatestEmail(email);
  expect(notice.subject).toContain('確認が完了しました');
});

test('a hromada signs up by finding itself in the official list in Ukrainian', async ({ page }) => {
  const email = `e2e-hromada-${unique()}@example.test`;
  await page.goto('/sign-up/municipality');
  await page.getByLabel('Search the official list').fill('Яремч');
  await page.getByRole('radio', { name: /Яремчанська · Yaremchanska/ }).check();
  await page.getByLabel('Your name').fill('Оксана Петренко');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Check your email.')).toBeVisible();
  await confirmSignUpAndSignIn(page, email, 'a long enough passphrase');
  await page.goto('/en/account');
  await expect(page.getByText('Яремчанська · Yaremchanska')).toBeVisible();
  await expect(page.getByText('Waiting for verification')).toBeVisible();
});

test('sign-up answers the same for a taken email, and the owner is told by email', async ({ page }) => {
  const answers: string[] = [];
  for (const email of [`e2e-fresh-${unique()}@example.test`, demoEmail('hromada-kharkiv')]) {
    await page.goto('/sign-up/municipality');
    await page.getByLabel('Search the official list').fill('Коломи');
    await page.getByRole('radio', { disabled: false }).first().check();
    await page.getByLabel('Your name').fill('Someone');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    const status = page.locator('.form-success');
    await expect(status).toBeVisible();
    answers.push(((await status.textContent()) ?? '').replace(email, '<email>'));
  }
  expect(answers[0]).toBe(answers[1]);
  expect((await readLatestEmail(demoEmail('hromada-kharkiv'))).subject).toContain('зареєструватися з вашою адресою');
});

test('the admin outbox shows no live one-time link', async ({ page }) => {
  const email = demoEmail('company-07');
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText('a link is on its way')).toBeVisible();
  const token = linkIn((await readLatestEmail(email, 'password-reset')).text).split('/').at(-1) ?? '';

  await signIn(page, demoEmail('admin'));
  await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  await expect(page.locator('article.email pre').first()).toContainText('[one-time link removed]');
  // The kind is named in words, not as its key.
  await expect(page.locator('article.email').first()).toContainText('Kind: Password reset');
  expect(await page.content()).not.toContain(token);
  expect(await (await page.request.get('/api/outbox')).text()).not.toContain(token);
});

test('sign-in gives one answer for an unknown email and for a wrong password', async ({ page }) => {
  // next-auth answers a refused sign-in with 401, which the browser logs.
  allowConsoleError('status of 401');
  const messages: string[] = [];
  for (const [email, password] of [[`nobody-${unique()}@example.test`, 'whatever password'], [demoEmail('company-05'), 'not the demo password']]) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('.form-error');
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? '');
    await expect(page.getByLabel('Email')).toHaveValue(email);
  }
  expect(messages[0]).toBe(messages[1]);
});

test('a forgotten password is reset from the emailed link, once', async ({ page }) => {
  const email = demoEmail('company-12');
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText('a link is on its way')).toBeVisible();

  const link = linkIn((await readLatestEmail(email, 'password-reset')).text);
  await page.goto(link);
  await page.getByLabel('New password').fill('my freshly reset passphrase');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your password is set.')).toBeVisible();
  await signIn(page, email, 'my freshly reset passphrase');

  await page.goto(link);
  await page.getByLabel('New password').fill('trying the link again');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('This link is invalid, used or expired.')).toBeVisible();
});

test('pages are for their roles: visitors are sent to sign in, a company cannot open admin pages', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
  await signIn(page, demoEmail('company-01'));
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/account$/);
  const outbox = await page.request.get('/api/outbox');
  expect(outbox.status()).toBe(403);
});

test('an administrator disables a user and that user’s open session ends', async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await signIn(user, demoEmail('facilitator-uk'));

  await signIn(page, demoEmail('admin'));
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Facilitator', exact: true }).click();
  await expect(page).toHaveURL(/role=FACILITATOR/);
  let row = page.getByRole('row').filter({ hasText: demoEmail('facilitator-uk') });
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');

  await user.goto('/account');
  await expect(user).toHaveURL(/\/sign-in/);

  row = page.getByRole('row').filter({ hasText: demoEmail('facilitator-uk') });
  await row.getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Active');
  await userContext.close();
});
