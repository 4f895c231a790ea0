import { expect, type Page } from '@playwright/test';
import { demoEmail, signIn, type Locale } from './helpers';

// Every main page of the product, per role, as the accessibility and layout specs visit them
// (issue 13: "every main page at both sizes in three languages"). Paths without the locale;
// pages that need an id are found from their list on the visitor's first visit.

export const LOCALES: readonly Locale[] = ['ja', 'uk', 'en'];
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export type Role = 'visitor' | 'company' | 'municipality' | 'facilitator' | 'admin';
export const ROLES: readonly Role[] = ['visitor', 'company', 'municipality', 'facilitator', 'admin'];

const ACCOUNT: Record<Exclude<Role, 'visitor'>, string> = {
  company: 'company-01',
  municipality: 'hromada-kyiv',
  facilitator: 'facilitator',
  admin: 'admin',
};

async function firstHref(page: Page, path: string, link: (page: Page) => ReturnType<Page['locator']>): Promise<string> {
  await page.goto(path);
  const href = await link(page).first().getAttribute('href');
  expect(href, `a link to follow on ${path}`).toBeTruthy();
  return href!;
}

const tableLink = (page: Page) => page.getByRole('table').locator('tbody a');

/** Signs the role in (in `locale`) and returns its main pages, with the locale, ids resolved. */
export async function mainPagesOf(page: Page, role: Role, locale: Locale): Promise<string[]> {
  const at = (path: string) => `/${locale}${path}`;
  if (role !== 'visitor') await signIn(page, demoEmail(ACCOUNT[role]), undefined, locale);
  switch (role) {
    case 'visitor':
      return [
        at(''), at('/needs'), await firstHref(page, at('/needs'), tableLink), at('/needs?view=map'), at('/companies'),
        at('/sign-in'), at('/sign-up'), at('/sign-up/company'), at('/sign-up/municipality'), at('/forgot-password'),
      ];
    case 'company':
      return [at('/company/profile'), at('/company/recommended'), at('/account'), at('/notifications'), await firstHref(page, at('/needs'), tableLink)];
    case 'municipality':
      return [at('/municipality/needs'), at('/municipality/needs/new'), await firstHref(page, at('/municipality/needs'), tableLink), at('/account')];
    case 'facilitator':
      return [
        at('/facilitator/dashboard'), at('/facilitator/matches'),
        await firstHref(page, at('/facilitator/matches'), (p) => p.getByTestId('queue-row').getByRole('link')),
        at('/facilitator/policy'), at('/facilitator/verifications'), at('/facilitator/evidence'), at('/facilitator/translations'),
      ];
    case 'admin':
      return [at('/admin/users'), at('/admin/outbox'), at('/admin/hostility-list')];
  }
}

/** Opens a page and waits for its heading. */
export async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expect(page.locator('main h1').first(), path).toBeVisible();
}

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
