import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { Client } from 'pg';
import { E2E_DATABASE_URL_FILE } from './database-url';
import { demoEmail, signIn } from './helpers';
import { cookieHeader, rawRequest } from './raw-request';

type Messages = typeof import('../../lib/i18n/messages/en.json');
const en = JSON.parse(readFileSync('lib/i18n/messages/en.json', 'utf8')) as Messages;

// Two instances of the app on one database (serve.ts starts the second on E2E_PORT + 10), as
// behind a load balancer: a session made on one works on the other, a job runs once, and rate
// limits count across both. Nothing may live in one process's memory.

const PORT_A = Number(process.env.E2E_PORT ?? 3100);
const PORT_B = PORT_A + 10;
const A = `http://127.0.0.1:${PORT_A}`;
const B = `http://127.0.0.1:${PORT_B}`;
// The e2e server gets Playwright's environment, so both read the same limit.
const PER_IP = Number(process.env.SIGN_IN_ATTEMPTS_PER_IP ?? 50);

test.beforeAll(async ({ request }) => {
  // Playwright waits for the first instance only.
  await expect.poll(async () => (await request.get(`${B}/api/health`).catch(() => null))?.status(), { timeout: 90_000 }).toBe(200);
});

test('a session made on instance A works on instance B', async ({ browser }) => {
  const onA = await browser.newContext({ baseURL: A });
  const page = await onA.newPage();
  await signIn(page, demoEmail('facilitator-uk'));

  const onB = await browser.newContext({ baseURL: B });
  // Cookies belong to the host, not the port: A's cookies, carried over as a load balancer would.
  await onB.addCookies(await onA.cookies());
  const other = await onB.newPage();
  await other.goto('/en/account');
  await expect(other).toHaveURL(/\/en\/account$/);
  await expect(other.getByRole('heading', { name: en.account.title })).toBeVisible();
  await expect(other.getByText(demoEmail('facilitator-uk'))).toBeVisible();

  // Without the cookies B does not know the visitor.
  const stranger = await (await browser.newContext({ baseURL: B })).newPage();
  await stranger.goto('/en/account');
  await expect(stranger).toHaveURL(/\/en\/sign-in/);
});

test('the per-address sign-in limit counts attempts on both instances', async () => {
  test.setTimeout(360_000);
  // A loopback address of its own (the app server takes the socket's address as the client's),
  // so that the other tests' sign-ins from 127.0.0.1 are not refused.
  const localAddress = `127.0.0.${randomInt(20, 250)}`;
  const attempt = async (port: number, n: number) => {
    const csrf = await rawRequest({ port, localAddress, path: '/api/auth/csrf' });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const response = await rawRequest({
      port,
      localAddress,
      path: '/api/auth/callback/credentials',
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(csrf) },
      body: new URLSearchParams({
        email: `nobody-${n}-${randomInt(1e9)}@two-instances.example`, password: 'not the password', csrfToken, json: 'true', callbackUrl: '/',
      }).toString(),
    });
    const { url } = JSON.parse(response.body) as { url: string };
    return new URL(url, A).searchParams.get('error');
  };

  // Alternately on A and B, each with a different (unknown) email: only the address repeats.
  const ports = [PORT_A, PORT_B];
  for (let n = 0; n < PER_IP; n++) {
    expect(await attempt(ports[n % 2], n), `attempt ${n + 1}`).toBe('CredentialsSignin');
  }
  // Each instance saw only half of them, yet both refuse the next one.
  expect(await attempt(PORT_A, PER_IP)).toBe('RATE_LIMITED');
  expect(await attempt(PORT_B, PER_IP + 1)).toBe('RATE_LIMITED');
});

test('a need published on A is ranked once and shows on B', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await (await browser.newContext({ baseURL: A })).newPage();
  await signIn(page, demoEmail('hromada-kharkiv'));
  const title = `Two instances ${randomInt(1e6)}: generators for the water utility`;
  await page.goto('/en/municipality/needs/new');
  await page.getByLabel(en.needForm.needTitle).fill(title);
  await page.getByLabel(en.needForm.description).fill('Two 200 kW generators for the pumping stations during outages.');
  await page.getByLabel(en.needs.sector).selectOption('ENERGY');
  await page.getByRole('radio', { name: new RegExp(`^${en.stage.RAPID_RECOVERY}`) }).check();
  await page.getByLabel(en.needs.urgency).selectOption('HIGH');
  await page.getByRole('checkbox', { name: en.capability.POWER_GENERATORS, exact: true }).check();
  await page.getByLabel(en.needForm.fundingSource).selectOption('DONOR_GRANT');
  await page.getByLabel(en.needForm.procurementMethod).selectOption('NONE');
  await page.getByRole('button', { name: en.needForm.saveDraft }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const needPath = new URL(page.url()).pathname.replace(/^\/en/, '');
  const needId = needPath.split('/').at(-1)!;
  await page.getByRole('button', { name: en.needPage.publish }).click();
  await expect(page.locator('.need-place .badge').last()).toHaveText(en.needStatus.OPEN);

  // Both instances work the queue; the publication's re-rank job ran exactly once.
  const jobs = async () => {
    const client = new Client({ connectionString: readFileSync(E2E_DATABASE_URL_FILE, 'utf8').trim() });
    await client.connect();
    try {
      const { rows } = await client.query<{ state: string; retry_count: number }>(
        `SELECT state, retry_count FROM pgboss.job WHERE name = 'matching-need-changed' AND singleton_key = $1
         UNION ALL
         SELECT state, retry_count FROM pgboss.archive WHERE name = 'matching-need-changed' AND singleton_key = $1`,
        [needId],
      );
      return rows;
    } finally {
      await client.end();
    }
  };
  await expect.poll(jobs, { timeout: 60_000 }).toEqual([{ state: 'completed', retry_count: 0 }]);

  // B shows the published need with its ranking.
  const onB = await (await browser.newContext({ baseURL: B })).newPage();
  await signIn(onB, demoEmail('hromada-kharkiv'));
  await onB.goto(`/en${needPath}`);
  await expect(onB.getByRole('heading', { name: title })).toBeVisible();
  await expect(onB.getByTestId('recommended-company').first()).toBeVisible();
});
