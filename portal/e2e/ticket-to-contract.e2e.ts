import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP_VIEWPORT, PHONE_VIEWPORT, baseUrl, launchBrowser, login, newContext } from './browser';

jest.setTimeout(240_000);

/**
 * Ticket → signed contract across the roles in the portal: the rep raises a ticket (a missing
 * field is refused by name, then it goes through with a drawing), engineering comments on a field
 * and approves (agreement v1), legal approves from the agreement page, the rep drafts and signs
 * the contract; production then sees the capacity queue with the margin only as a tier.
 */

const PDF_DRAWING = Buffer.concat([Buffer.from('%PDF-1.4\n% lianxiao e2e drawing\n'), randomBytes(256)]);
const SCAN = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]);

async function asUser<T>(browser: Browser, username: string, work: (page: Page) => Promise<T>, viewport = DESKTOP_VIEWPORT): Promise<T> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  try {
    await login(page, username, 'lianxiao');
    return await work(page);
  } finally {
    await context.close();
  }
}

describe('requirement ticket to signed contract in the portal', () => {
  let browser: Browser;
  let ticketId = '';
  let ticketNumber = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('rep: a ticket missing a field is refused by name, then submitted with a drawing', async () => {
    await asUser(browser, 'rep.east1', async (page) => {
      await page.goto(`${baseUrl()}tickets/new`);
      await page.getByTestId('ticket-customer').click();
      await page.locator('nz-option-item').first().click();
      await page.getByTestId('ticket-delivery').fill('2027-06-01');
      const fill = async (id: string, value: string) => page.getByTestId(id).fill(value);
      await fill('spec-material', '6061-T6 铝合金');
      await fill('spec-surfaceTreatment', '阳极氧化');
      await fill('spec-dimensions', '120×80×15 mm');
      await fill('spec-packaging', '珍珠棉 + 纸箱');
      await fill('spec-certificationStandard', 'RoHS');
      await fill('spec-inspectionStandard', 'GB/T 2828.1 AQL 1.0');
      await fill('spec-tolerance', '0.05');
      await fill('spec-quantity', '800');
      await fill('spec-hardness', '95');
      await fill('spec-unitWeight', '0.35');
      await fill('spec-craftNotes', 'CNC 后去毛刺，关键尺寸全检');
      await page.getByTestId('ticket-drawings').setInputFiles({ name: '支架图纸.pdf', mimeType: 'application/pdf', buffer: PDF_DRAWING });

      // 颜色 left empty: refused, naming it
      await page.getByTestId('ticket-submit').click();
      const refusal = page.getByTestId('ticket-refusal');
      await refusal.waitFor({ timeout: 30_000 });
      await expect(refusal.innerText()).resolves.toContain('颜色');

      await fill('spec-colour', '银白');
      await page.getByTestId('ticket-submit').click();
      await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      ticketId = page.url().split('/').pop()!;
      await page.locator('[data-testid="ticket-status"][data-status="SUBMITTED"]').waitFor({ timeout: 30_000 });
      ticketNumber = (await page.getByTestId('ticket-number').innerText()).trim();
      await expect(page.getByTestId('ticket-drawing').innerText()).resolves.toContain('支架图纸.pdf');
      await expect(page.getByTestId('ticket-task').count()).resolves.toBe(3);
      await expect(page.getByTestId('ticket-field-tolerance').innerText()).resolves.toContain('±0.05 mm');
      await expect(page.getByTestId('ticket-field-hardness').innerText()).resolves.toContain('HRC 95');
    });
    expect(ticketNumber).toMatch(/^RT-\d{4}-\d{4}$/);
  });

  it('engineer: sees the to-do, comments on the tolerance and approves the spec (agreement v1)', async () => {
    await asUser(browser, 'engineer', async (page) => {
      await page.goto(`${baseUrl()}tasks`);
      await page.getByTestId('task-table').waitFor({ timeout: 30_000 });
      await page.goto(`${baseUrl()}agreements/${ticketId}/review`);
      await page.getByTestId('review-comment-tolerance').fill('配合面请确认 ±0.05 可加工');
      await page.getByTestId('review-comment-save-tolerance').click();
      await page.getByTestId('review-field-tolerance').getByText('配合面请确认').waitFor({ timeout: 30_000 });
      await page.getByTestId('review-approve').click();
      await page.waitForURL(new RegExp(`/agreements/${ticketId}$`), { timeout: 30_000 });
      await page.locator('[data-testid="agreement-version"][data-version="1"][data-status="PENDING_LEGAL"]').waitFor({ timeout: 30_000 });
    });
  });

  it('legal: the version is in the legal queue; legal approves it', async () => {
    await asUser(browser, 'legal', async (page) => {
      await page.goto(`${baseUrl()}agreements/legal`);
      await page.getByTestId('legal-row').first().waitFor({ timeout: 30_000 });
      await page.goto(`${baseUrl()}agreements/${ticketId}`);
      await page.getByTestId('version-approve').click();
      await page.locator('[data-testid="agreement-version"][data-version="1"][data-status="APPROVED"]').waitFor({ timeout: 30_000 });
    });
  });

  it('rep (on a phone): drafts the contract from the approved version and signs it', async () => {
    await asUser(
      browser,
      'rep.east1',
      async (page) => {
        await page.goto(`${baseUrl()}tickets/${ticketId}`);
        await page.getByTestId('ticket-to-contract').click();
        await page.waitForURL(new RegExp(`/contracts/${ticketId}$`), { timeout: 30_000 });
        await page.getByTestId('contract-amount').fill('96000');
        await page.getByTestId('contract-margin').fill('28');
        await page.getByTestId('contract-sku').fill('LX-6061-120');
        await page.getByTestId('contract-part').fill('铝合金支架');
        await page.getByTestId('contract-create').click();
        await page.locator('[data-testid="contract-status"][data-status="DRAFT"]').waitFor({ timeout: 30_000 });
        await page.getByTestId('contract-scan').setInputFiles({ name: '合同盖章扫描.png', mimeType: 'image/png', buffer: SCAN });
        await page.getByTestId('contract-sign').click();
        await page.locator('[data-testid="contract-status"][data-status="SIGNED"]').waitFor({ timeout: 30_000 });
        await expect(page.getByTestId('contract-number').innerText()).resolves.toMatch(/^HT-\d{4}-\d{4}$/);
      },
      PHONE_VIEWPORT,
    );
  });

  it('production: sees the capacity queue ranked, with the margin as a tier and no score', async () => {
    await asUser(browser, 'production', async (page) => {
      await page.goto(`${baseUrl()}production`);
      const first = page.locator('[data-testid="queue-row"][data-rank="1"]');
      await first.waitFor({ timeout: 30_000 });
      await expect(first.getByTestId('queue-score').innerText()).resolves.toBe('—');
      await expect(first.getByTestId('queue-tier').innerText()).resolves.toMatch(/高毛利|中毛利|低毛利/);
    });
  });
});
