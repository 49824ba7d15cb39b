import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { DESKTOP_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(120_000);

describe('user administration in the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('an admin creates a finance user, who can then sign in; the creation shows in the audit log', async () => {
    const username = `fin.${randomUUID().slice(0, 8)}`;
    const displayName = `财务测试${username.slice(4)}`;
    const adminContext = await newContext(browser, DESKTOP_VIEWPORT);
    const admin = await adminContext.newPage();
    try {
      await login(admin, 'admin', 'lianxiao');
      await admin.goto(`${baseUrl()}admin/users`);
      await admin.getByTestId('admin-user-row').first().waitFor({ timeout: 20_000 });
      await admin.getByTestId('admin-user-create').click();
      const form = admin.getByTestId('admin-user-form');
      await form.getByTestId('admin-form-username').fill(username);
      await form.getByTestId('admin-form-name').fill(displayName);
      await form.getByTestId('admin-form-roles').click();
      await admin.locator('nz-option-item', { hasText: '财务' }).click();
      await admin.keyboard.press('Escape');
      await form.getByTestId('admin-form-password').fill('welcome-2026');
      await admin.locator('.ant-modal-footer .ant-btn-primary').click();
      const closed = form.waitFor({ state: 'hidden', timeout: 20_000 }).then(() => null);
      const refused = form.getByTestId('admin-form-error').waitFor({ timeout: 20_000 }).then(() => form.getByTestId('admin-form-error').innerText());
      const problem = await Promise.race([closed, refused]);
      expect(problem).toBeNull();

      await admin.getByTestId('admin-user-search').fill(username);
      const row = admin.locator(`[data-testid="admin-user-row"][data-username="${username}"]`);
      await row.waitFor({ timeout: 20_000 });
      await expect(row.textContent()).resolves.toContain('财务');

      await admin.goto(`${baseUrl()}admin/audit`);
      await admin.getByTestId('audit-entity-type').fill('User');
      await admin.getByTestId('audit-apply').click();
      await admin.locator('[data-testid="audit-row"]', { hasText: username }).first().waitFor({ timeout: 20_000 });
    } finally {
      await adminContext.close();
    }

    const userContext = await newContext(browser, DESKTOP_VIEWPORT);
    const user = await userContext.newPage();
    try {
      await login(user, username, 'welcome-2026');
      await expect(user.getByTestId('display-name').textContent({ timeout: 20_000 })).resolves.toContain(displayName);
      // Not an admin: the users page is refused with the 403 page.
      await user.goto(`${baseUrl()}admin/users`);
      await user.waitForURL((url) => url.pathname.startsWith('/forbidden'), { timeout: 20_000 });
    } finally {
      await userContext.close();
    }
  });
});
