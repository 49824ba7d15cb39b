import type { Browser } from 'playwright-core';
import { launchBrowser, login, newContext } from './browser';

jest.setTimeout(120_000);

/**
 * When a page's data does not load, the page says so with the server's own reason and offers a
 * retry that loads it once the cause is gone. The gateway's answer is replaced for the dealer
 * list's query only, once, as a subgraph outage would answer.
 */
describe('a page whose data did not load', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the server's reason and loads again on retry", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await login(page, 'director', 'lianxiao');
      let failNext = true;
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (failNext && body.includes('query Dealers(')) {
          failNext = false;
          await route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ data: null, errors: [{ message: 'dealers is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', messageZh: '经销商服务暂时不可用，请稍后重试', messageEn: 'The dealers service is unavailable; retry shortly' } }] }),
          });
          return;
        }
        await route.continue();
      });
      await page.goto('dealers');
      const failed = page.getByTestId('dealer-error');
      await failed.waitFor({ timeout: 30_000 });
      await expect(failed.textContent()).resolves.toContain('经销商服务暂时不可用');
      await expect(failed.textContent()).resolves.toContain('加载失败');
      await failed.getByTestId('load-retry').click();
      await page.getByTestId('dealer-row').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('dealer-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('dealer-error').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
