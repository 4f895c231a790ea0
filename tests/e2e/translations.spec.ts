import { randomUUID } from 'node:crypto';
import { demoEmail, signIn } from './helpers';
import { expect, test, type Page } from './fixtures';

// A need written in Ukrainian reaches a Japanese company in Japanese: a facilitator translates it
// from the queue, the company reads it marked as a facilitator's translation and opens the
// original with one click.

test('a Ukrainian need, translated into Japanese by a facilitator from the queue, reads in Japanese with the original a click away', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const title = `Модульна котельня для школи ${randomUUID().slice(0, 8)}`;
  const translated = `学校用モジュール式ボイラー ${title.slice(-8)}`;

  // The hromada posts and publishes a need, written in Ukrainian.
  await signIn(page, demoEmail('hromada-izium'), undefined, 'uk');
  await page.goto('/uk/municipality/needs/new');
  await page.getByLabel('Назва').fill(title);
  await page.getByLabel('Опис').fill('Модульна котельня 500 кВт для опалення школи, що постраждала від обстрілів.');
  await expect(page.getByLabel('Мова тексту')).toHaveValue('uk');
  await page.getByLabel('Мова тексту').selectOption('uk');
  await page.getByLabel('Сектор').selectOption('ENERGY');
  await page.getByRole('radio', { name: /^Швидке відновлення/ }).check();
  await page.getByLabel('Терміновість').selectOption('HIGH');
  await page.getByLabel('Фінансування').selectOption('DONOR_GRANT');
  await page.getByLabel('Закупівля').selectOption('NONE');
  await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const needPath = new URL(page.url()).pathname.replace(/^\/uk/, '');
  await page.getByRole('button', { name: 'Опублікувати' }).click();
  await expect(page.locator('.need-place .badge').last()).toHaveText('Відкрита');

  // A Japanese facilitator finds it in the queue (Japanese translations only) and translates the title.
  const facilitator = await browser.newPage();
  await signIn(facilitator, demoEmail('facilitator'), undefined, 'ja');
  await facilitator.goto('/ja/facilitator/translations?into=ja');
  await expect(facilitator.getByRole('heading', { name: '翻訳待ち' })).toBeVisible();
  const item = await findInQueue(facilitator, title);
  await item.getByLabel('日本語訳').fill(translated);
  await item.getByRole('button', { name: '翻訳を保存' }).click();
  await expect(facilitator.getByText('翻訳を保存しました。').first()).toBeVisible();
  // Translated, it leaves the queue of Japanese translations to do.
  await expect(item).toHaveCount(0);
  await facilitator.close();

  // A Japanese company reads the need in Japanese, marked, and opens the original.
  const company = await browser.newPage();
  await signIn(company, demoEmail('company-01'), undefined, 'ja');
  await company.goto(`/ja${needPath}`);
  const heading = company.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(translated);
  await expect(heading).toHaveAttribute('lang', 'ja');
  await expect(company.getByText('ファシリテーターによる翻訳（原文はウクライナ語）')).toBeVisible();
  // The description has no Japanese yet: shown as written, and said so.
  await expect(company.getByText('未翻訳 — 原文はウクライナ語です')).toBeVisible();
  await company.getByRole('button', { name: '原文を表示' }).click();
  await expect(heading).toHaveText(title);
  await expect(heading).toHaveAttribute('lang', 'uk');
  await company.getByRole('button', { name: '翻訳を表示' }).click();
  await expect(heading).toHaveText(translated);
});

/** The queue is oldest first: page on until the item for this title shows. */
async function findInQueue(page: Page, title: string) {
  for (let pageNumber = 1; pageNumber <= 50; pageNumber++) {
    await expect(page.getByTestId('translation-queue-item').first()).toBeVisible();
    const item = page.getByTestId('translation-queue-item').filter({ hasText: title }).filter({ hasText: '件名' });
    if (await item.count()) return item;
    await page.getByRole('link', { name: /次へ/ }).click();
    // Client-side navigation: wait for the next page before looking again.
    await expect(page).toHaveURL(new RegExp(`[?&]page=${pageNumber + 1}\\b`));
  }
  throw new Error(`${title} is not in the translation queue`);
}
