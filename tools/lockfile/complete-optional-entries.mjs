// The npm registry reachable here serves only some platforms' builds of native packages
// (@swc/core, rollup, …). `npm install` then writes a lock without entries for the others, and
// `npm ci` refuses that lock ("Missing: @swc/core-darwin-arm64@ from lock file"). This adds the
// missing optional entries with the os/cpu their names state, so `npm ci` skips them on Linux
// exactly as it would with a complete lock. Run after every `npm install`: `npm run lock:complete`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.join(ROOT, 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));

function platformOf(name) {
  const n = name.toLowerCase();
  const os = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'].find((o) => n.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'].find((c) =>
    new RegExp(`(^|[-_/])${c}($|[-_])`).test(n.replace(/^@[^/]+\//, '')),
  );
  const entry = {};
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu === 'wasm32' ? 'wasm32' : cpu];
  if (/musl/.test(n)) entry.libc = ['musl'];
  else if (/gnu/.test(n) && os === 'linux') entry.libc = ['glibc'];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave it to npm
    lock.packages[hoisted] = { version, dev: pkg.dev, optional: true, ...platform };
    added++;
  }
}
if (added) {
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
}
process.stdout.write(`lockfile: ${added} optional platform entries added\n`);
