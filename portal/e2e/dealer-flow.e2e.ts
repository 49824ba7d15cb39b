import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(90_000);

/**
 * Dealer05 on a phone (390×844): lands on the dealer home page, uploads this week's stock sheet
 * (check → commit), records a sell-through receipt with a photo, and redeems points.
 * Repeatable on the same database: the sheet, receipt number and photo are unique per run.
 */
describe('dealer flow on a phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a stock sheet, records a receipt and redeems points', async () => {
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();
    try {
      await login(page, 'dealer05', 'lianxiao');
      await page.waitForFunction(() => location.pathname === '/home', undefined, { timeout: 20_000 });
      await page.getByTestId('home-points-balance').waitFor({ timeout: 30_000 });
      await page.getByTestId('home-attainment-chart').waitFor();

      // Weekly stock: a sheet with a bad row is reported row by row; the good sheet is committed.
      await page.goto(`${baseUrl()}stock`);
      const bad = 'SKU,数量,批次,仓库\nWJ-001,10,B1,主仓\nNOPE-1,5,B1,主仓\n';
      await page.getByTestId('stock-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.getByTestId('stock-dry-run').click();
      await page.getByTestId('stock-row-error').first().waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('stock-row-error').first().textContent()).resolves.toContain('第 3 行');
      await expect(page.getByTestId('stock-commit').isDisabled()).resolves.toBe(true);

      const quantity = 100 + (Date.now() % 500);
      const good = `SKU,数量,批次,仓库\nWJ-001,${quantity},${run},主仓\nWJ-002,40,${run},主仓\nZN-001,12,${run},二号仓\n`;
      await page.getByTestId('stock-file').setInputFiles({ name: 'stock.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.getByTestId('stock-dry-run').click();
      await page.getByTestId('stock-outcome').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('stock-outcome').textContent()).resolves.toContain('DRY_RUN');
      await page.getByTestId('stock-commit').click();
      await page.waitForFunction(() => /CREATED|REPLACED/.test(document.querySelector('[data-testid="stock-outcome"]')?.textContent ?? ''), undefined, { timeout: 20_000 });
      // The stock health table reloads with the committed sheet: WJ-001 now holds the uploaded quantity.
      await page.waitForFunction((q) => document.querySelector('[data-testid="stock-row-WJ-001"]')?.textContent?.includes(q), String(quantity), { timeout: 20_000 });

      // A sell-through receipt with its signed photo.
      await page.goto(`${baseUrl()}receipts`);
      await page.waitForFunction(() => (document.querySelector('[data-testid="receipt-sku"]') as HTMLSelectElement | null)?.options.length, undefined, { timeout: 20_000 });
      await page.getByTestId('receipt-quantity').fill('1');
      await page.getByTestId('receipt-customer').fill('福州测试建材商行');
      await page.getByTestId('receipt-number').fill(`QS-PH-${run}`);
      const photo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);
      await page.getByTestId('receipt-photo').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: photo });
      await page.waitForTimeout(300); // the photo is read by a FileReader
      await page.getByTestId('receipt-submit').click();
      await page.getByTestId('receipt-message').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('receipt-message').textContent()).resolves.toContain(`QS-PH-${run}`);
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="receipt-row"]')].some((r) => r.textContent?.includes(n)), `QS-PH-${run}`, { timeout: 20_000 });

      // Points: redeem one poster set (20 points); the balance goes down by exactly that.
      await page.goto(`${baseUrl()}points`);
      await page.getByTestId('points-balance').waitFor({ timeout: 20_000 });
      const before = Number((await page.getByTestId('points-balance').textContent())!.replace(/\D/g, ''));
      expect(before).toBeGreaterThanOrEqual(20);
      await page.getByTestId('points-item-MM-POSTER').getByTestId('points-redeem').click();
      await page.getByTestId('points-message').waitFor({ timeout: 20_000 });
      await expect(page.getByTestId('points-message').textContent()).resolves.toContain('已兑换');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="points-balance"]')?.textContent?.replace(/\D/g, '')) === n, before - 20, { timeout: 20_000 });
      await expect(page.getByTestId('points-entry').first().textContent()).resolves.toContain('-20');
    } finally {
      await context.close();
    }
  });
});
