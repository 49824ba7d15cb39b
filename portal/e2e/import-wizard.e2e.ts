import type { Browser } from 'playwright-core';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@lianxiao/demo-data';
import { PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

function randomCreditCode(): string {
  let body = '91320500';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * 31)];
  return body + creditCodeCheckChar(body);
}

jest.setTimeout(90_000);

/**
 * A supervisor uploads a customer CSV with a bad credit code on row 3 in the import wizard: the
 * dry run shows the row, the column and the reason, offers no commit, and nothing is imported.
 */
describe('import wizard (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('dry run shows the error row and does not offer to commit', async () => {
    const context = await newContext(browser, PHONE_VIEWPORT);
    const page = await context.newPage();
    await login(page, 'supervisor.east', 'lianxiao');
    await page.goto(`${baseUrl()}import`, { waitUntil: 'networkidle' });
    const stem = `导入测试${Date.now().toString(36)}`;
    const csv = [
      '客户名称,统一社会信用代码,行业,区域,首次接触渠道',
      `${stem}甲有限公司,${randomCreditCode()},家电,华东,PHONE`,
      `${stem}乙有限公司,913200000000000001,家电,华东,PHONE`,
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-upload-button').click();
    await page.getByTestId('import-invalid').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('import-error-row');
    const texts = await rows.allInnerTexts();
    expect(texts.some((t) => /^\s*3\s+统一社会信用代码\s+/.test(t))).toBe(true);
    expect(texts).toHaveLength(1);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await context.close();
  });
});
