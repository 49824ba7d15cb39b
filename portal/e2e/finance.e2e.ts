import type { Browser } from 'playwright-core';
import { startSmtpReceiver, type SmtpReceiver } from '../../libs/testing/src/smtp-receiver';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(90_000);

/** Calls the API directly; retries while the gateway sheds load (OVERLOADED), as a client would. */
async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${baseUrl()}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables, operationName: /(?:query|mutation) (\w+)/.exec(query)?.[1] }),
    });
    const body = (await response.json()) as { data: T; errors?: { extensions?: { code?: string } }[] };
    if (attempt < 10 && body.errors?.some((e) => String(e.extensions?.code ?? '').startsWith('OVERLOADED'))) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

describe('finance pages', () => {
  let browser: Browser;
  let receiver: SmtpReceiver;

  beforeAll(async () => {
    browser = await launchBrowser();
    const port = Number(process.env['LIANXIAO_SMTP_PORT']);
    if (!port) throw new Error('LIANXIAO_SMTP_PORT is not set: run through tools/test/run-tests.mjs');
    receiver = await startSmtpReceiver(port);
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('shows finance the DSO trend chart and the ageing table', async () => {
    const context = await newContext(browser, DESKTOP_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'finance', 'lianxiao');
      await page.getByTestId('menu-finance-dso').click();
      await page.waitForURL('**/finance/dso');
      await page.getByTestId('dso-chart').locator('canvas').first().waitFor({ timeout: 20_000 });
      await page.getByTestId('dso-row').first().waitFor();
      expect(await page.getByTestId('dso-row').count()).toBeGreaterThanOrEqual(3); // the demo's regions
      await page.getByTestId('ageing-row').first().waitFor();
      await expect(page.getByTestId('ageing-totals').innerText()).resolves.toContain('¥');
    } finally {
      await context.close();
    }
  });

  it('lets the customer confirm a mailed statement on a phone without signing in', async () => {
    const { login: tokens } = await graphql<{ login: { accessToken: string } }>(
      'mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: 'finance', p: 'lianxiao' },
    );
    const token = tokens.accessToken;
    const { contracts } = await graphql<{ contracts: { nodes: { id: string; customerId: string; amount: number; invoicedAmount: number; status: string }[] } }>(
      'query Contracts { contracts(first: 200) { nodes { id customerId amount invoicedAmount status } } }', {}, token,
    );
    const contract = contracts.nodes.filter((c) => c.status === 'SIGNED').sort((a, b) => b.amount - b.invoicedAmount - (a.amount - a.invoicedAmount))[0];
    const latest = await graphql<{ invoices: { nodes: { issuedOn: string }[] }; payments: { nodes: { receivedOn: string }[] } }>(
      'query Latest($c: ID!) { invoices(customerId: $c, first: 1) { nodes { issuedOn } } payments(customerId: $c, first: 1) { nodes { receivedOn } } }', { c: contract.customerId }, token,
    );
    const last = [latest.invoices.nodes[0]?.issuedOn ?? '2100-01-01', latest.payments.nodes[0]?.receivedOn ?? '2100-01-01', '2100-01-01'].sort().pop()!;
    const month = nextMonth(last.slice(0, 7));
    const stamp = Date.now().toString(36);
    await graphql('mutation Invoice($input: RecordInvoiceInput!) { recordInvoice(input: $input) { id } }', {
      input: { contractId: contract.id, number: `P${stamp}`, amount: 1234.56, issuedOn: `${month}-05`, idempotencyKey: `portal-${stamp}` },
    }, token);
    const { generateStatements } = await graphql<{ generateStatements: { number: string; closingBalance: number }[] }>(
      'mutation Generate($m: String!, $c: ID!) { generateStatements(month: $m, customerId: $c) { number closingBalance } }', { m: month, c: contract.customerId }, token,
    );
    const mail = await receiver.waitFor((m) => (m.subject ?? '').includes(generateStatements[0].number), 30_000);
    const link = new URL(/https?:\/\/\S+statement-confirmation\?token=\S+/.exec(mail.text ?? '')![0]);

    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl()}statement-confirmation${link.search}`, { waitUntil: 'networkidle' });
      const closing = generateStatements[0].closingBalance.toLocaleString('en-US', { minimumFractionDigits: 2 });
      await expect(page.getByTestId('confirm-closing').innerText({ timeout: 20_000 })).resolves.toContain(closing);
      await page.getByTestId('confirm-comment').fill('金额一致');
      await page.getByTestId('confirm-submit').click();
      await expect(page.getByTestId('confirm-done').innerText({ timeout: 20_000 })).resolves.toContain('已确认');
      expect(page.url()).not.toContain('/login');

      await page.goto(`${baseUrl()}statement-confirmation?token=not-a-real-token`, { waitUntil: 'networkidle' });
      await page.getByTestId('confirm-invalid').waitFor({ timeout: 20_000 });
    } finally {
      await context.close();
    }
  });
});
