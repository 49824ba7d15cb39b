import { randomInt } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(90_000);

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A fresh, valid 统一社会信用代码 so every run creates its own customer. */
function creditCode(): string {
  let body = '91320500';
  for (let i = 0; i < 9; i++) body += ALPHABET[randomInt(0, 31)];
  const sum = [...body].reduce((s, ch, i) => s + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<{ data: T | null; errors?: { message: string }[] }> {
  const response = await fetch(`${baseUrl()}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: T | null; errors?: { message: string }[] };
}

async function tokenOf(username: string): Promise<string> {
  const { data, errors } = await graphql<{ login: { accessToken: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: username, p: 'lianxiao' },
  );
  if (!data) throw new Error(JSON.stringify(errors));
  return data.login.accessToken;
}

describe('alert inbox', () => {
  let browser: Browser;
  let customer: { id: string; name: string };
  let alertId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await tokenOf('admin');
    const rep = await tokenOf('rep.east1');
    const me = await graphql<{ me: { id: string } }>('{ me { id } }', {}, rep);
    const name = `预警浏览器测试${Date.now().toString(36)}有限公司`;
    const created = await graphql<{ createCustomer: { id: string; name: string } }>(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }',
      { input: { name, creditCode: creditCode(), industry: '家电', channel: 'PHONE', region: '华东', ownerId: me.data!.me.id } },
      admin,
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    customer = created.data.createCustomer;
    // Clock control: evaluate as of 49 hours from now, when nothing has happened for 48 h.
    const swept = await graphql<{ runAlertSweep: { raised: { id: string; customerId: string; ruleCode: string }[] } }>(
      'mutation($at: DateTime, $ids: [ID!]) { runAlertSweep(at: $at, customerIds: $ids) { raised { id customerId ruleCode } } }',
      { at: new Date(Date.now() + 49 * 3_600_000).toISOString(), ids: [customer.id] },
      admin,
    );
    if (!swept.data) throw new Error(JSON.stringify(swept.errors));
    alertId = swept.data.runAlertSweep.raised.find((a) => a.customerId === customer.id && a.ruleCode === 'NEXT_ACTION_STALE')!.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a supervisor sees the red customer in the inbox on a phone, acknowledges it, and the header badge counts one fewer', async () => {
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'supervisor.east', 'lianxiao');
      await page.goto(`${baseUrl()}alerts`);
      await page.getByTestId('alert-inbox').waitFor({ timeout: 45_000 });
      const item = page.getByTestId('inbox-item').filter({ hasText: customer.name });
      await item.first().waitFor({ timeout: 45_000 });
      await expect(item.count()).resolves.toBe(1);
      await expect(item.getAttribute('data-severity')).resolves.toBe('RED');
      await expect(item.textContent()).resolves.toContain('红色预警');
      expect(Number(await page.getByTestId('inbox-unread-count').getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
      // The header's bell shows the unread count on every page (the new alert is unread).
      const badge = page.getByTestId('header-alert-badge');
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="header-alert-badge"]')?.getAttribute('data-count')) >= 1, null, { timeout: 20_000 });
      const unreadBefore = Number(await badge.getAttribute('data-count'));

      await item.getByTestId('inbox-ack').click();
      // Acknowledged alerts are read: the item loses its "mark read" button.
      await item.getByTestId('inbox-mark-read').waitFor({ state: 'detached', timeout: 20_000 });
      // ... and the bell counts one fewer, without reloading the page.
      await page.waitForFunction(
        (before) => Number(document.querySelector('[data-testid="header-alert-badge"]')?.getAttribute('data-count')) < before,
        unreadBefore,
        { timeout: 20_000 },
      );
      await expect(badge.getAttribute('data-count')).resolves.toBe(String(unreadBefore - 1));
      const supervisor = await tokenOf('supervisor.east');
      const { data } = await graphql<{ alerts: { nodes: { id: string; acknowledgedAt: string | null }[] } }>(
        'query($id: ID) { alerts(customerId: $id, first: 10) { nodes { id acknowledgedAt } } }',
        { id: customer.id },
        supervisor,
      );
      expect(data!.alerts.nodes.find((a) => a.id === alertId)?.acknowledgedAt).toBeTruthy();

      // The customer link opens the customer.
      await item.getByTestId('inbox-item-customer').click();
      await page.waitForURL(new RegExp(`/customers/${customer.id}$`), { timeout: 20_000 });
    } catch (error) {
      await page.screenshot({ path: `${process.env['TMPDIR'] ?? '/tmp'}/alerts-e2e-failure.png` }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
