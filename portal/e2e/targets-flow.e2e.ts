import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(120_000);

/**
 * Dealer05 on a phone (390×844) opens Targets from the menu: a split whose quarters do not add up
 * is refused by the server and the difference is shown; the seasonal suggestion is then saved.
 * A promotion plan ending before it starts is refused, the corrected plan is added, then deleted.
 * Repeatable on the same database: the plan name is unique per run and removed at the end.
 */
describe('targets on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('splits the annual target and adds a promotion plan', async () => {
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
    const year = new Date().getFullYear();
    const textOf = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
    try {
      await login(page, 'dealer05', 'lianxiao');
      await page.waitForFunction(() => location.pathname === '/home', undefined, { timeout: 20_000 });
      // The menu is a drawer on a phone: open it and follow the Targets entry.
      await page.getByTestId('menu-toggle').click();
      await page.getByTestId('menu-targets').click();
      await page.waitForFunction(() => location.pathname === '/targets', undefined, { timeout: 20_000 });

      // Prefilled (saved split or seasonal suggestion): Q1 holds an amount.
      await page.waitForFunction(() => Number((document.querySelector('[data-testid="split-quarter-1"]') as HTMLInputElement | null)?.value) > 0, undefined, { timeout: 30_000 });
      await expect(textOf('targets-annual-amount')).resolves.toMatch(/¥/);
      await page.getByTestId('targets-month-chart').waitFor();
      await page.getByTestId('targets-line-table').waitFor();

      // A wrong split: Q1 raised by 1000 without touching its months. The running difference shows it,
      // and the server refuses it naming the difference.
      const q1 = Number(await page.getByTestId('split-quarter-1').inputValue());
      await page.getByTestId('split-quarter-1').fill(String(q1 + 1000));
      await page.waitForFunction(() => /1,000/.test(document.querySelector('[data-testid="split-difference"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
      await page.getByTestId('split-submit').click();
      await page.getByTestId('split-message').waitFor({ timeout: 20_000 });
      const refusal = await textOf('split-message');
      expect(refusal).toContain('目标分解不平');
      expect(refusal).toContain('相差 1000');

      // The suggestion adds up: saved.
      await page.getByTestId('split-suggest').click();
      await expect(textOf('split-running')).resolves.toContain('已平衡');
      await page.getByTestId('split-submit').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="split-message"]')?.textContent?.includes('目标分解已保存'), undefined, { timeout: 20_000 });

      // A promotion plan that ends before it starts is refused by the server; corrected, it is added.
      const name = `端午促销 ${run}`;
      await page.getByTestId('plan-name').fill(name);
      await page.getByTestId('plan-start').fill(`${year}-06-01`);
      await page.getByTestId('plan-end').fill(`${year}-05-20`);
      await page.getByTestId('plan-budget').fill('30000');
      await page.getByTestId('plan-uplift').fill('15');
      await page.getByTestId('plan-line').selectOption('光伏支架');
      await page.getByTestId('plan-save').click();
      await page.getByTestId('plan-message').waitFor({ timeout: 20_000 });
      await expect(textOf('plan-message')).resolves.toContain('早于开始日期');

      await page.getByTestId('plan-end').fill(`${year}-06-20`);
      await page.getByTestId('plan-save').click();
      await page.waitForFunction((n) => document.querySelector('[data-testid="plan-message"]')?.textContent?.includes(`「${n}」已创建`), name, { timeout: 20_000 });
      const row = page.getByTestId('plan-row').filter({ hasText: name });
      await row.waitFor({ timeout: 20_000 });
      await expect(row.textContent()).resolves.toContain('光伏支架');
      await expect(row.textContent()).resolves.toContain(`${year}-06-01 – ${year}-06-20`);

      // The page stays within the phone's width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);

      // Delete it again (two steps).
      await row.getByTestId('plan-delete').click();
      await row.getByTestId('plan-delete-confirm').click();
      await page.waitForFunction((n) => ![...document.querySelectorAll('[data-testid="plan-row"]')].some((r) => r.textContent?.includes(n)), name, { timeout: 20_000 });
    } finally {
      await context.close();
    }
  });

  it("lets the director set a dealer's product-line parts: parts that do not add up are refused with the difference", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const textOf = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
    try {
      await login(page, 'director', 'lianxiao');
      await page.goto(`${baseUrl()}targets`);
      await page.getByTestId('targets-pick-hint').waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => ((document.querySelector('[data-testid="targets-dealer"]') as HTMLSelectElement | null)?.options.length ?? 0) > 30, undefined, { timeout: 20_000 });
      const d05 = await page.getByTestId('targets-dealer').locator('option', { hasText: 'D05' }).getAttribute('value');
      await page.getByTestId('targets-dealer').selectOption(d05!);
      await page.getByTestId('hq-annual').waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => Number((document.querySelector('[data-testid="hq-annual"]') as HTMLInputElement | null)?.value) > 0, undefined, { timeout: 20_000 });
      const annual = Number(await page.getByTestId('hq-annual').inputValue());

      // Two product lines that leave 5000 unassigned: the running total and the server both name it.
      const first = Math.round(annual * 0.7);
      await page.getByTestId('hq-line-0').fill(String(first));
      await page.getByTestId('hq-line-1').fill(String(annual - first - 5000));
      for (let i = 2; i < 4; i++) await page.getByTestId(`hq-line-${i}`).fill('');
      await expect(textOf('hq-lines-running')).resolves.toContain('5,000');
      await page.getByTestId('hq-save-target').click();
      await page.getByTestId('hq-target-message').waitFor({ timeout: 20_000 });
      await expect(textOf('hq-target-message')).resolves.toContain('相差 5000');

      await page.getByTestId('hq-line-1').fill(String(annual - first));
      await expect(textOf('hq-lines-running')).resolves.toContain('已平衡');
      await page.getByTestId('hq-save-target').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="hq-target-message"]')?.textContent?.includes('年度目标已保存'), undefined, { timeout: 20_000 });
      await page.waitForFunction(() => (document.querySelector('[data-testid="targets-line-parts"]')?.querySelectorAll('nz-tag').length ?? 0) === 2, undefined, { timeout: 20_000 });
      // HQ reads the dealer's split and plans but has no plan form.
      await page.getByTestId('targets-split').waitFor();
      await page.getByTestId('targets-plans').waitFor();
      await expect(page.getByTestId('plan-form').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
