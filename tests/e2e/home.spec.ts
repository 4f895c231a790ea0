import { expect, test } from './fixtures';

test('the home page shows the platform is alive', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kakehashi');
  const stats = page.getByRole('region', { name: 'Platform at a glance' });
  await expect(stats).toContainText('Verified companies');
  await expect(stats).toContainText('of 1,774 in the official classifier');
  const openNeeds = Number(await stats.locator('.stat').nth(2).locator('.stat-value').textContent());
  expect(openNeeds).toBeGreaterThanOrEqual(40);
  await expect(page.getByTestId('sector-count-DEMINING')).not.toHaveText('0');
});

test('a sector on the home page opens its needs, with hromada, oblast and hostility status', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Water and sanitation' }).click();
  await expect(page).toHaveURL(/\/needs\?sector=WATER_SANITATION/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open needs');
  await expect(page.getByLabel('Sector')).toHaveValue('WATER_SANITATION');
  const table = page.getByRole('table', { name: 'Open needs' });
  const odesa = table.getByRole('row').filter({ hasText: 'Mobile water purification' });
  await expect(odesa).toContainText('Одеська');
  await expect(odesa).toContainText('Odesa');
  await expect(odesa).toContainText('Not on the hostilities list');
  const mykolaiv = table.getByRole('row').filter({ hasText: 'Drinking water treatment' });
  await expect(mykolaiv).toContainText('Possible hostilities');
  for (const sector of await table.locator('tbody tr td:nth-child(4)').allTextContents()) {
    expect(sector).toBe('Water and sanitation');
  }
});

test('the needs list pages through every open need', async ({ page }) => {
  await page.goto('/needs');
  await expect(page.getByText(/^\d+ open needs$/)).toBeVisible();
  await expect(page.getByText('Page 1 of 2')).toBeVisible();
  await page.getByRole('link', { name: 'Next →' }).click();
  await expect(page.getByText('Page 2 of 2')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Open needs' }).locator('tbody tr')).not.toHaveCount(0);
});

test('the companies list shows Japanese and English names, size and experience', async ({ page }) => {
  await page.goto('/companies');
  const row = page.getByRole('row').filter({ hasText: 'Omi Mine Detection' });
  await expect(row).toContainText('近江地雷探知技研株式会社（デモ）');
  await expect(row).toContainText('SME');
  await expect(row).toContainText('Cambodia');
  const large = page.getByRole('row').filter({ hasText: 'Chubu Rolling Stock' });
  await expect(large).toContainText('Large');
});

test('companies still waiting for verification are not listed', async ({ page }) => {
  await page.goto('/companies?page=2');
  // Both demo companies start with W/Y: Yokohama Aqua Pure is verified, Wakayama Solar is not.
  await expect(page.getByRole('row').filter({ hasText: 'Yokohama Aqua Pure' })).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: 'Wakayama Solar' })).toHaveCount(0);
});

test('the health endpoint reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });
});
