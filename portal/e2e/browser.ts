import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env['LIANXIAO_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** The running portal (gateway port), always with a trailing slash. */
export function baseUrl(): string {
  const url = process.env['LIANXIAO_BASE_URL'] ?? 'http://127.0.0.1:3000/';
  return url.endsWith('/') ? url : `${url}/`;
}

export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };

/** A fresh context (own localStorage) in Chinese, the portal's default language. */
export function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP_VIEWPORT,
): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'zh-CN', baseURL: baseUrl() });
}

/**
 * Signs in through the login form and waits until the app has left /login. On a loaded machine
 * the first click can land before the form is wired up; one more submit is what a person would
 * do, and a refusal shown on the page is reported as the failure.
 */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}login`, { waitUntil: 'networkidle' });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const leftLogin = (url: URL) => !url.pathname.startsWith('/login');
  for (let attempt = 1; attempt <= 2; attempt++) {
    await page.getByTestId('login-submit').click();
    try {
      await page.waitForURL(leftLogin, { timeout: 30_000 });
      return;
    } catch (error) {
      const shown = (await page.locator('nz-alert, .ant-alert, .ant-form-item-explain').allInnerTexts().catch(() => [])).join(' | ');
      if (attempt === 2 || shown) throw new Error(`login as ${username} did not leave /login${shown ? `: ${shown}` : ''} (${String(error)})`);
    }
  }
}
