import type { Browser } from 'playwright-core';
import { PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(60_000);

/** Calls the API directly as a given user (to learn ids a dealer user cannot see in the UI). */
async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables, operationName: /(?:query|mutation) (\w+)/.exec(query)?.[1] }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('portal', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the director all 37 dealers with server-side paging', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, 'director', 'lianxiao');
      await page.getByTestId('menu-dealers').click();
      await page.waitForURL('**/dealers');

      await expect(page.getByTestId('dealer-total').textContent({ timeout: 20_000 })).resolves.toContain('共 37');
      const rows = page.getByTestId('dealer-row');
      await rows.first().waitFor();
      const firstPage = await rows.count();
      expect(firstPage).toBeGreaterThan(0);
      expect(firstPage).toBeLessThanOrEqual(37);

      // The side menu of a headquarters user offers customers; a dealer's does not (below).
      await expect(page.getByTestId('menu-customers').count()).resolves.toBe(1);
    } finally {
      await context.close();
    }
  });

  it('shows a dealer user only their own dealer, on a phone, and refuses other ids', async () => {
    // A real id of another dealer, learned as the director: the strongest URL-tampering case.
    const { login: directorTokens } = await graphql<{ login: { accessToken: string } }>(
      'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken } }',
      { username: 'director', password: 'lianxiao' },
    );
    const { dealers } = await graphql<{ dealers: { nodes: { id: string; code: string }[] } }>(
      'query Dealers { dealers(first: 50) { nodes { id code } } }',
      {},
      directorTokens.accessToken,
    );
    const otherDealer = dealers.nodes.find((d) => d.code !== 'D05');
    expect(otherDealer).toBeDefined();

    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'dealer05', 'lianxiao');

      // Home of a dealer user is the dealer home page; their own dealer page opens from there.
      await page.waitForFunction(() => location.pathname === '/home', undefined, { timeout: 20_000 });
      await page.goto(`${baseUrl()}dealers/${encodeURIComponent(dealers.nodes.find((d) => d.code === 'D05')!.id)}`);
      await expect(page.getByTestId('dealer-code').textContent({ timeout: 20_000 })).resolves.toBe('D05');
      const ownUrl = page.url();

      // The list, scoped by the API, holds exactly one dealer: D05.
      await page.goto(`${baseUrl()}dealers`);
      await page.getByTestId('dealer-row').first().waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('dealer-row').count()).resolves.toBe(1);
      await expect(page.getByTestId('dealer-row').first().getAttribute('data-dealer-code')).resolves.toBe('D05');
      await expect(page.getByTestId('dealer-total').textContent()).resolves.toContain('共 1');

      // No sideways page scroll at 390 px: the table scrolls inside itself.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // Changing the URL to another dealer's id shows a 403 / not-found result, never that dealer.
      for (const id of [otherDealer!.id, 'some-other-id']) {
        await page.goto(`${baseUrl()}dealers/${encodeURIComponent(id)}`);
        const refusal = page.locator('[data-testid="result-forbidden"], [data-testid="result-not-found"]');
        await refusal.first().waitFor({ timeout: 20_000 });
        await expect(page.getByTestId('dealer-detail').count()).resolves.toBe(0);
      }

      // The phone menu (a drawer) offers the dealer's own page and no customers.
      await page.goto(ownUrl);
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('menu-my-dealer').waitFor({ timeout: 10_000 });
      await expect(page.getByTestId('menu-customers').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('keeps /customers closed to a dealer user', async () => {
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'dealer05', 'lianxiao');
      await page.goto(`${baseUrl()}customers`);
      await page.getByTestId('result-forbidden').waitFor({ timeout: 20_000 });
      expect(new URL(page.url()).pathname).not.toBe('/customers');
      await expect(page.getByTestId('customer-row').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
