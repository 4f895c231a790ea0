import { expect, test, type Page } from './fixtures';

// The needs map: boundaries drawn by Leaflet from the site's own file (no tiles, no other host),
// a popup per hromada with its open needs, and links that lead to the need.

/** Every request the page makes must stay on this site: the map works offline. */
function recordForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http')) foreign.push(request.url());
  });
  return foreign;
}

function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`needs map at ${viewport.width} px: click a hromada, follow one of its needs`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const foreign = recordForeignRequests(page);
    const errors = recordConsoleErrors(page);
    await page.goto('/en/needs?view=map');

    const map = page.getByTestId('interactive-map');
    await expect(map).toBeVisible();
    await expect(page.getByTestId('hromada-map')).toHaveCount(0); // the server-drawn picture made way
    await expect(page.getByTestId('map-legend')).toContainText('Active hostilities');
    const shapes = map.locator('path.hromada-shape');
    await expect.poll(() => shapes.count()).toBeGreaterThan(1000); // boundaries, not points
    const withNeeds = map.locator('.has-needs');
    await expect.poll(() => withNeeds.count()).toBeGreaterThan(5);
    // The map and its legend fit the screen (the rest of the page is issue 13's mobile work).
    for (const part of [map, page.getByTestId('map-legend')]) {
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }

    // A hromada without needs says so.
    await shapes.and(page.locator(':not(.has-needs)')).first().dispatchEvent('click');
    await expect(page.getByTestId('map-popup')).toContainText('No open needs here.');

    await withNeeds.first().dispatchEvent('click');
    const popup = page.getByTestId('map-popup');
    await expect(popup).toHaveCount(1); // the previous one fades out
    await expect(popup).toContainText(/\d+ open needs?/);
    const link = popup.getByRole('link').first();
    const title = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(/\/en\/needs\/[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);

    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the map in Ukrainian: keyboard opens a hromada, the popup names it in Ukrainian', async ({ page }) => {
  await page.goto('/uk/needs?view=map');
  const map = page.getByTestId('interactive-map');
  await expect(map).toBeVisible();
  const first = map.locator('.has-needs').first();
  await expect(first).toHaveAttribute('tabindex', '0');
  await first.focus();
  await page.keyboard.press('Enter');
  const popup = page.getByTestId('map-popup');
  await expect(popup).toContainText(/відкрит/);
  await expect(popup.locator('strong [lang="uk"]')).not.toBeEmpty();
  await expect(page.getByRole('region', { name: /Мапа громад/ })).toBeVisible();
});

test('without JavaScript the map is the server-drawn picture and a table of oblasts', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ja/needs?view=map');
  // One disc per hromada with open needs, drawn as one path per hostility status; the table under
  // the map counts the same hromadas, one row per oblast, each leading to that oblast's needs.
  const paths = page.getByTestId('hromada-map').locator('path.map-points');
  const discs = await paths.evaluateAll((elements) => elements.map((path) => (path.getAttribute('d')!.match(/M/g) ?? []).length));
  const hromadas = await paths.evaluateAll((elements) => elements.map((path) => Number(path.getAttribute('data-hromadas'))));
  expect(discs).toEqual(hromadas);
  expect(discs.reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  const rows = page.getByTestId('map-oblasts').locator('tr[data-oblast]');
  const perOblast = await rows.evaluateAll((elements) => elements.map((row) => Number(row.getAttribute('data-hromadas'))));
  expect(perOblast.reduce((a, b) => a + b, 0)).toBe(discs.reduce((a, b) => a + b, 0));
  const oblast = (await rows.first().getAttribute('data-oblast'))!;
  await expect(rows.first().locator('a')).toHaveAttribute('href', `/ja/needs?oblast=${oblast}`); // inside the closed <details>
  // The page carries no need of any hromada: those are the interactive map's data, read from its route.
  expect(await page.locator('a[href*="/ja/needs/"]').count()).toBe(0);
  await context.close();
});

test('a filtered map reads only the filtered hromadas, and its table keeps the filter', async ({ page }) => {
  const data = page.waitForResponse((response) => response.url().includes('/api/map/needs?'));
  await page.goto('/en/needs?view=map&sector=WATER_SANITATION');
  const response = await data;
  expect(new URL(response.url()).searchParams.get('sector')).toBe('WATER_SANITATION');
  expect(new URL(response.url()).searchParams.get('locale')).toBe('en');
  const filtered = (await response.json()) as { hromadas: { code: string }[] };
  const map = page.getByTestId('interactive-map');
  await expect(map).toBeVisible();
  await expect.poll(() => map.locator('.has-needs').count()).toBe(filtered.hromadas.length);
  const all = (await (await page.request.get('/api/map/needs/en')).json()) as { hromadas: { code: string }[] };
  expect(filtered.hromadas.length).toBeLessThan(all.hromadas.length);
  await expect(page.getByTestId('map-oblasts').locator('tr[data-oblast] a').first()).toHaveAttribute('href', /\/en\/needs\?sector=WATER_SANITATION&oblast=UA\d{17}$/);
});

test('the boundaries file is cached for a year', async ({ request }) => {
  const response = await request.get('/maps/hromadas-2026-01-17.topojson');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('max-age=31536000');
});
