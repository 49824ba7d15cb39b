import type { Browser, Page } from 'playwright-core';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(90_000);

interface GraphQLError {
  message: string;
  extensions?: { code?: string; messageZh?: string; messageEn?: string; details?: { messageZh?: string }[] };
}

/** Calls the API directly; returns data and errors as they came. */
async function graphql<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ data: T | null; errors?: GraphQLError[] }> {
  const response = await fetch(`${baseUrl()}graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables, operationName: /(?:query|mutation) (\w+)/.exec(query)?.[1] }),
  });
  return (await response.json()) as { data: T | null; errors?: GraphQLError[] };
}

async function tokenOf(username: string): Promise<string> {
  const { data, errors } = await graphql<{ login: { accessToken: string } }>(
    'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { accessToken } }',
    { username, password: 'lianxiao' },
  );
  if (!data) throw new Error(JSON.stringify(errors));
  return data.login.accessToken;
}

interface QuotationCustomer {
  id: string;
  name: string;
  evidence: { type: string }[];
}

/**
 * A QUOTATION customer of rep.east1 without the sealed contract scan: moving it to CONTRACT is
 * refused whatever earlier runs did, so the test can run again against the same database.
 */
async function quotationCustomerWithoutSealScan(token: string): Promise<QuotationCustomer> {
  const { data, errors } = await graphql<{ customers: { nodes: QuotationCustomer[] } }>(
    'query QuotationCustomers { customers(stage: "QUOTATION", first: 100) { nodes { id name evidence { type } } } }',
    {},
    token,
  );
  if (!data) throw new Error(JSON.stringify(errors));
  const customer = data.customers.nodes.find((c) => !c.evidence.some((e) => e.type === 'CONTRACT_SEAL_SCAN'));
  if (!customer) throw new Error('rep.east1 has no QUOTATION customer without a contract seal scan');
  return customer;
}

async function openCustomer(page: Page, name: string): Promise<void> {
  // Through the list, filtered to 报价, then the row's link.
  await page.goto(`${baseUrl()}customers`);
  await page.getByTestId('customer-search').fill(name);
  const link = page.getByTestId('customer-link').filter({ hasText: name });
  await link.first().waitFor({ timeout: 20_000 });
  await link.first().click();
  await page.waitForURL(/\/customers\/[^/]+$/);
  await page.getByTestId('stage-bar').waitFor({ timeout: 20_000 });
}

describe('customer pipeline', () => {
  let browser: Browser;
  let token: string;
  let customer: QuotationCustomer;
  let refusalZh: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await tokenOf('rep.east1');
    customer = await quotationCustomerWithoutSealScan(token);
    // The refusal the API gives for 报价 → 合同, in Chinese; the page must show the same text.
    const move = await graphql<unknown>(
      'mutation MoveStage($id: ID!) { moveStage(customerId: $id, toStage: "CONTRACT") { id stage } }',
      { id: customer.id },
      token,
    );
    expect(move.data).toBeNull();
    expect(move.errors?.[0]?.extensions?.code).toBe('STAGE_CONDITIONS_UNMET');
    refusalZh = move.errors?.[0]?.extensions?.messageZh ?? '';
    expect(refusalZh).toContain('合同盖章扫描件');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the server refusal of a stage move and records a follow-up (desktop)', async () => {
    const context = await newContext(browser, DESKTOP_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'rep.east1', 'lianxiao');
      await openCustomer(page, customer.name);

      await expect(page.getByTestId('customer-name').textContent()).resolves.toBe(customer.name);
      await expect(page.getByTestId('customer-detail').getAttribute('data-stage')).resolves.toBe('QUOTATION');
      // Seven stages, the current one highlighted.
      await expect(page.getByTestId('stage-bar-stage').count()).resolves.toBe(7);
      await expect(page.locator('[data-testid="stage-bar-stage"].is-current').getAttribute('data-stage')).resolves.toBe(
        'QUOTATION',
      );

      // Move on: 报价 → 合同 (试产评估 is optional) is refused, and the alert shows the API's text.
      await expect(page.getByTestId('move-stage').textContent()).resolves.toContain('合同');
      await page.getByTestId('move-stage').click();
      const alert = page.getByTestId('move-stage-error');
      await alert.waitFor({ timeout: 20_000 });
      const alertText = (await alert.textContent()) ?? '';
      expect(alertText).toContain(refusalZh);
      expect(alertText).toContain('合同盖章扫描件');
      await expect(page.getByTestId('customer-detail').getAttribute('data-stage')).resolves.toBe('QUOTATION');

      // A follow-up with a unique text (runs can repeat) appears in the timeline.
      const summary = `e2e 电话跟进 ${Date.now()}`;
      const form = page.getByTestId('add-follow-up');
      await form.locator('label', { hasText: '电话' }).click();
      await page.getByTestId('follow-up-summary').fill(summary);
      await page.getByTestId('follow-up-obstacle').fill('客户法务审核合同中');
      await page.getByTestId('follow-up-next-action').fill('补传合同盖章扫描件');
      await page.getByTestId('follow-up-submit').click();
      const item = page.getByTestId('follow-up-item').filter({ hasText: summary });
      await item.waitFor({ timeout: 20_000 });
      await expect(item.textContent()).resolves.toContain('客户法务审核合同中');
      // Newest first.
      await expect(page.getByTestId('follow-up-item').first().textContent()).resolves.toContain(summary);
      await expect(page.getByTestId('follow-up-summary').inputValue()).resolves.toBe('');

      // And the API has it too.
      const { data } = await graphql<{ customer: { followUps: { summary: string; type: string }[] } }>(
        'query FollowUps($id: ID!) { customer(id: $id) { followUps(first: 5) { summary type } } }',
        { id: customer.id },
        token,
      );
      expect(data?.customer.followUps.find((f) => f.summary === summary)?.type).toBe('CALL');
    } finally {
      await context.close();
    }
  });

  it('works on a phone: refusal and follow-up without sideways scrolling', async () => {
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'rep.east1', 'lianxiao');
      await page.goto(`${baseUrl()}customers/${customer.id}`);
      await page.getByTestId('stage-bar').waitFor({ timeout: 20_000 });

      await page.getByTestId('move-stage').click();
      await page.getByTestId('move-stage-error').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('move-stage-error').textContent()).resolves.toContain(refusalZh);

      const summary = `e2e 手机拜访 ${Date.now()}`;
      await page.getByTestId('follow-up-summary').fill(summary);
      await page.getByTestId('follow-up-submit').click();
      await page.getByTestId('follow-up-item').filter({ hasText: summary }).waitFor({ timeout: 20_000 });

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
