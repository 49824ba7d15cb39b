import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(120_000);

interface Contact { name: string; title: string | null; phone: string; email: string | null }
interface Profile { id: string; code: string; phone: string; address: string | null; contacts: Contact[] }

/** Calls the API directly (to learn ids and put the demo data back afterwards). */
async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl()}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const tokenOf = async (username: string) =>
  (await graphql<{ login: { accessToken: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: username, p: 'lianxiao' })).login.accessToken;
const PROFILE = 'id code phone address contacts { name title phone email }';
const profileOf = async (id: string, token: string) => (await graphql<{ dealer: Profile }>(`query($id: ID!) { dealer(id: $id) { ${PROFILE} } }`, { id }, token)).dealer;
/** Puts a dealer's phone, address and contacts back as they were. */
const restore = (p: Profile, token: string) =>
  graphql('mutation($id: ID!, $input: UpdateDealerInput!) { updateDealer(id: $id, input: $input) { id } }', {
    id: p.id, input: { phone: p.phone, address: p.address ?? '', contacts: p.contacts.map(({ name, title, phone, email }) => ({ name, title, phone, email })) },
  }, token);

/**
 * Dealer master data in the portal: the director edits a dealer's main contact (a bad e-mail is
 * refused on the page first, nothing saved), and dealer05 on a phone edits its own contact details,
 * adds an account and locks it. Both dealers are put back afterwards.
 */
describe('dealer profiles', () => {
  let browser: Browser;
  let director: string;
  let dealer05: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    browser = await launchBrowser();
    [director, dealer05] = await Promise.all([tokenOf('director'), tokenOf('dealer05')]);
    const { dealers } = await graphql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(first: 100) { nodes { id code } } }', {}, director);
    ids = Object.fromEntries(dealers.nodes.map((d) => [d.code, d.id]));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lets the director edit a dealer's main contact, refusing a bad e-mail first", async () => {
    const original = await profileOf(ids['D34'], director);
    const run = randomBytes(2).toString('hex');
    const name = `测试联系人${run}`;
    const context = await newContext(browser, DESKTOP_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'director', 'lianxiao');
      await page.goto(`${baseUrl()}dealers/${encodeURIComponent(ids['D34'])}`);
      await page.getByTestId('dealer-edit').click({ timeout: 20_000 });
      await page.waitForURL('**/edit');
      const firstName = page.getByTestId('contact-name').first();
      await page.waitForFunction((n) => (document.querySelector('[data-testid="contact-name"]') as HTMLInputElement | null)?.value === n, original.contacts[0].name, { timeout: 20_000 });

      await firstName.fill(name);
      await page.getByTestId('contact-email').first().fill('不是邮箱');
      await page.getByTestId('dealer-form-save').click();
      await page.getByTestId('dealer-form-refusal').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('dealer-form-refusal').textContent()).resolves.toContain('邮箱格式不正确');
      expect((await profileOf(ids['D34'], director)).contacts[0].name).toBe(original.contacts[0].name);

      await page.getByTestId('contact-email').first().fill(`c${run}@example.cn`);
      await page.getByTestId('contact-phone').first().fill('0553-88880000');
      await page.getByTestId('dealer-form-save').click();
      await page.waitForURL((url) => url.pathname === `/dealers/${ids['D34']}`, { timeout: 20_000 });
      await page.waitForFunction((n) => document.querySelector('[data-testid="dealer-contact"]')?.textContent?.includes(n), name, { timeout: 20_000 });
      await expect(page.getByTestId('dealer-contact').first().textContent()).resolves.toContain('0553-88880000');
      expect((await profileOf(ids['D34'], director)).contacts[0]).toMatchObject({ name, phone: '0553-88880000', email: `c${run}@example.cn` });
    } finally {
      await context.close();
      await restore(original, director);
    }
  });

  it('lets dealer05 edit its own contact details and manage its accounts on a phone', async () => {
    const original = await profileOf(ids['D05'], dealer05);
    const run = randomBytes(3).toString('hex');
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    try {
      await login(page, 'dealer05', 'lianxiao');
      await page.waitForFunction(() => location.pathname === '/home', undefined, { timeout: 20_000 });
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('menu-my-dealer-profile').click({ timeout: 10_000 });
      await page.waitForURL('**/dealers/mine');
      await page.waitForFunction((p) => (document.querySelector('[data-testid="my-dealer-phone"]') as HTMLInputElement | null)?.value === p, original.phone, { timeout: 20_000 });

      // Contact details: phone, address and the main contact's title.
      await page.getByTestId('my-dealer-phone').fill('0591-87650000');
      await page.getByTestId('my-dealer-address').fill(`福州市台江区测试路 ${run} 号`);
      await page.getByTestId('contact-title').first().fill('总经理');
      await page.getByTestId('my-dealer-save').click();
      await page.locator('.ant-message').getByText('已保存').waitFor({ timeout: 20_000 });
      const saved = await profileOf(ids['D05'], dealer05);
      expect(saved.address).toBe(`福州市台江区测试路 ${run} 号`);
      expect(saved.phone).toBe('0591-87650000');
      expect(saved.contacts[0]).toMatchObject({ name: original.contacts[0].name, title: '总经理' });

      // Accounts: dealer05 is listed; a new account is added, then locked.
      await page.locator('[data-testid="my-dealer-user"][data-username="dealer05"]').waitFor({ timeout: 20_000 });
      const username = `d05.ui${run}`;
      await page.getByTestId('my-dealer-new-username').fill(username);
      await page.getByTestId('my-dealer-new-name').fill('门店 林小雨');
      await page.getByTestId('my-dealer-new-password').fill('start-ui-12345');
      await page.getByTestId('my-dealer-add-user').click();
      const row = page.locator(`[data-testid="my-dealer-user"][data-username="${username}"]`);
      await row.waitFor({ timeout: 20_000 });
      await expect(row.getByTestId('my-dealer-user-state').textContent()).resolves.toContain('正常');
      await row.getByTestId('my-dealer-user-lock').click();
      await page.waitForFunction((u) => document.querySelector(`[data-testid="my-dealer-user"][data-username="${u}"] [data-testid="my-dealer-user-state"]`)?.textContent?.includes('已锁定'), username, { timeout: 20_000 });

      // Readable on a phone: no sideways page scroll.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
      await restore(original, dealer05);
    }
  });
});
