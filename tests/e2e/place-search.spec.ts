import { expect, test } from './fixtures';

// Places found by any name: the sign-up picker and the needs page's keyword search.

test('the hromada picker offers Odesa for オデーサ, Odessa and Одеса, each with its centre', async ({ page }) => {
  await page.goto('/sign-up/municipality');
  const search = page.getByLabel('Search the official list');
  for (const typed of ['オデーサ', 'Odessa', 'Одеса']) {
    await search.fill(typed);
    // Odesa is claimed in the demo world: offered, said to be taken, not choosable.
    const odesa = page.getByRole('radio', { name: /^Одеська · Odeska.*centre: Odesa \(Одеса\)/ });
    await expect(odesa.first(), typed).toBeVisible();
  }
  await search.fill('オデーサ');
  await expect(page.getByRole('radio', { name: /Odeska · オデーサ/ })).toBeVisible();
});

test('the needs page finds needs by the Japanese name of their hromada', async ({ page }) => {
  await page.goto('/ja/needs');
  await page.getByLabel('キーワード').fill('オデーサ');
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page).toHaveURL(/[?&]q=%E3%82%AA/);
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('Odeska');
});

test('the needs page searches a short word only beside a longer one, and says when it left one out', async ({ page }) => {
  await page.goto(`/ja/needs?q=${encodeURIComponent('水')}`);
  await expect(page.getByRole('status').filter({ hasText: '3文字未満の語は、3文字以上の語と組み合わせた場合にのみ検索されます：水' })).toBeVisible();
  const all = await page.goto('/ja/needs').then(() => page.locator('tbody tr').count());
  await page.goto(`/ja/needs?q=${encodeURIComponent('水')}`);
  await expect(page.locator('tbody tr')).toHaveCount(all);
  await page.goto(`/ja/needs?q=${encodeURIComponent('オデーサ 水')}`);
  await expect(page.getByRole('status').filter({ hasText: '3文字未満' })).toHaveCount(0);
  for (const row of await page.locator('tbody tr').all()) await expect(row).toContainText('Odeska');
});
