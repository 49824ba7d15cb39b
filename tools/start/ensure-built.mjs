// Builds what `npm start` needs when it is missing or older than its sources, so a fresh clone
// runs with `npm ci && npm start`. The TypeScript build is incremental; the portal build runs
// only when portal sources changed since the last build.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(dir, skip = new Set(['node_modules', 'dist', '.angular'])) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function hasFlock() {
  try {
    execSync('command -v flock', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureBuilt({ portal = true } = {}) {
  // Several builds at once (parallel test runs in one checkout) would write the same dist files:
  // serialise them with flock where the machine has it.
  const lock = hasFlock() ? `flock ${path.join(os.tmpdir(), 'lianxiao-build.lock')} ` : '';
  const run = (cmd, cwd = ROOT) => execSync(lock + cmd, { cwd, stdio: 'inherit', env: { ...process.env, NG_CLI_ANALYTICS: 'false' } });
  process.stdout.write('Building server code (tsc -b)…\n');
  run('npx tsc -b tsconfig.build.json');
  if (!portal) return;
  const index = path.join(ROOT, 'portal/dist/browser/index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built < newestMtime(path.join(ROOT, 'portal/src'))) {
    process.stdout.write('Building the portal (Angular, ~30 s)…\n');
    run('npx ng build --progress=false', path.join(ROOT, 'portal'));
  }
}
