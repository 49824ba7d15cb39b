// `npm run bench:portal` (issue 10 item 5): the production build of the portal served by the
// embedded stack, measured in Debian's Chromium (playwright-core):
//   portal: initial JS X KB gz, LCP director dashboard Y ms, LCP dealer home Z ms
// Initial JS = the scripts index.html loads (module + modulepreload), gzip -9. LCP = the
// largest-contentful-paint entry of a fresh navigation to the page with a signed-in session.
// Exits non-zero when the initial JS exceeds the 300 KB gzip budget.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { ensureBuilt, ROOT } from '../tools/start/ensure-built.mjs';
import { freePort, waitForLine } from '../tools/test/test-stack.mjs';

const BUDGET_KB = 300;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function initialJsGzipKb() {
  const dir = path.join(ROOT, 'portal/dist/browser');
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = new Set([...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]));
  let bytes = 0;
  for (const f of files) bytes += zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;
  return { kb: bytes / 1024, files: files.size };
}

async function lcpOf(browser, base, username, route, viewport) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}login`, { waitUntil: 'networkidle' });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('lianxiao');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const target = typeof route === 'function' ? route(page.url()) : `${base}${route}`;
    await page.goto(target, { waitUntil: 'networkidle' });
    const lcp = await page.evaluate(() => new Promise((resolve) => {
      let last = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) last = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolve(last), 300);
    }));
    samples.push(lcp);
  }
  await context.close();
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)]);
}

async function main() {
  ensureBuilt({ portal: true });
  const js = initialJsGzipKb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxiao-bench-portal-'));
  const port = await freePort();
  const logFile = path.join(dataDir, 'embedded.log');
  const log = fs.openSync(logFile, 'w');
  const host = spawn(process.execPath, [path.join(ROOT, 'tools/dist/embedded/embedded-host.js')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', log, log], detached: true,
  });
  const browser = await chromium.launch({ executablePath: process.env.LIANXIAO_CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    await waitForLine(logFile, /GraphQL: (http\S+)/, host, 240_000);
    const base = `http://127.0.0.1:${port}/`;
    const director = await lcpOf(browser, base, 'director', 'dashboard', { width: 1280, height: 800 });
    // The dealer's home is where the portal lands a dealer after sign-in.
    const dealer = await lcpOf(browser, base, 'dealer05', (landed) => landed, { width: 390, height: 844 });
    process.stderr.write(`bench:portal: ${js.files} initial scripts; LCP median of ${RUNS} navigations each\n`);
    process.stdout.write(`portal: initial JS ${js.kb.toFixed(1)} KB gz, LCP director dashboard ${director} ms, LCP dealer home ${dealer} ms\n`);
    if (js.kb > BUDGET_KB) {
      process.stderr.write(`initial JS ${js.kb.toFixed(1)} KB gz exceeds the ${BUDGET_KB} KB budget\n`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    try { process.kill(-host.pid, 'SIGTERM'); } catch { /* gone */ }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench:portal failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
