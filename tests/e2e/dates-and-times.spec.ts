import { expect, test, type Page } from './fixtures';
import { demoEmail, signIn } from './helpers';

// Issue 13, "Words": times were Kyiv time without a zone in every language, and Japanese pages
// mixed 2026-11-23, 2026/11/23 and 2026年11月23日. One style per language, the zone always named.

// An ISO or slashed date standing alone (a Prozorro id such as UA-2025-02-10-004512-a is not one).
const BARE_DATE = /(?<![\w-])\d{4}[-/]\d{1,2}[-/]\d{1,2}(?![\w-])/;

async function text(page: Page, path: string) {
  await page.goto(path);
  return page.locator('main').innerText();
}

test('a Japanese administrator reads Japan time with its zone, and dates one way', async ({ page }) => {
  await signIn(page, demoEmail('admin'), undefined, 'ja');
  const users = await text(page, '/ja/admin/users');
  expect(users).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2} JST（UTC\+9）/);
  expect(users).not.toMatch(BARE_DATE);
  for (const path of ['/ja/facilitator/verifications', '/ja/admin/hostility-list', '/ja', '/ja/facilitator/policy']) {
    expect(await text(page, path), path).not.toMatch(BARE_DATE);
  }
});

test('an English reader gets Kyiv time, labelled with its UTC offset', async ({ page }) => {
  await signIn(page, demoEmail('admin'));
  expect(await text(page, '/en/admin/users')).toMatch(/\d{1,2}:\d{2} Kyiv time \(UTC\+[23]\)/);
});
