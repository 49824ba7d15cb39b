/**
 * The two-minute soak CI runs (issue 11 item 4; `npm run soak -- --minutes 60` is the long one):
 * a realistic mix against the production-mode cluster with a Kafka peer (with stock uploads and
 * contracts taken from ticket to signature), then the exactly-once check — every event published
 * on any topic was consumed once by each of its consumers, the points moved by exactly one per
 * accepted receipt, and each signed contract reached the scorecard once.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

jest.setTimeout(600_000);

it('runs two minutes of mixed load without errors and consumes every event exactly once', () => {
  const root = path.resolve(__dirname, '../../..');
  const run = spawnSync(process.execPath, ['bench/soak.mjs', '--minutes', '2', '--rate', '12', '--row-seconds', '30', '--json'], {
    // As the other test clusters: a busy CI machine queues for the gateway instead of being shed
    // (the 60-minute soak in the issue note runs with the production defaults).
    cwd: root, encoding: 'utf8', timeout: 540_000, env: { ...process.env, GATEWAY_MAX_QUEUE_WAIT_MS: '10000', GATEWAY_MIN_CONCURRENCY: '64' },
  });
  process.stdout.write(run.stdout);
  if (run.status !== 0) throw new Error(`soak exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const summary = JSON.parse(run.stdout.split('\n').filter((l) => l.startsWith('{')).pop() ?? '{}');
  expect(summary.requests).toBeGreaterThan(1000);
  expect(summary.errors).toBe(0);
  expect(summary.lost).toBe(0);
  expect(summary.duplicates).toBe(0);
  expect(summary.published).toBeGreaterThanOrEqual(summary.accepted);
  expect(summary.credited).toBe(summary.accepted);
  expect(summary.allEvents.lost).toBe(0);
  expect(summary.allEvents.duplicates).toBe(0);
  expect(summary.allEvents.published).toBeGreaterThan(summary.published);
  expect(summary.allEvents.deliveries).toBeGreaterThanOrEqual(summary.allEvents.published);
  expect(summary.contracts.signed).toBeGreaterThan(10);
  expect(summary.contracts.scoredOnce).toBe(summary.contracts.signed);
  expect(summary.stockSheets).toBeGreaterThan(30);
});
