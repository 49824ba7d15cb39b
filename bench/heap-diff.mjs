// `node --max-old-space-size=8192 bench/heap-diff.mjs EARLY.heapsnapshot LATE.heapsnapshot [--top 15]`
// Compares two V8 heap snapshots of one process (taken with `--heapsnapshot-signal=SIGUSR2`, which
// collects garbage first, so both hold only live objects). Groups objects by kind and constructor
// name and prints the groups that grew most in bytes, with counts, then one line:
// `heap: early E MB (N objects), late L MB (M objects), growth G MB`.
// A leak shows as a group that grows in step with the time between the snapshots.
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '15' } } });
if (positionals.length !== 2) {
  process.stderr.write('usage: bench/heap-diff.mjs EARLY.heapsnapshot LATE.heapsnapshot [--top N]\n');
  process.exit(2);
}

/** Live objects of a snapshot grouped by "kind name": count and self size in bytes. */
function groups(file) {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { node_fields: fields, node_types: [kinds] } = snapshot.snapshot.meta;
  const width = fields.length;
  const at = { type: fields.indexOf('type'), name: fields.indexOf('name'), size: fields.indexOf('self_size') };
  const { nodes, strings } = snapshot;
  const byGroup = new Map();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const kind = kinds[nodes[i + at.type]];
    // Strings, numbers and code are grouped by kind only; their "name" is their content.
    const name = kind === 'object' || kind === 'closure' || kind === 'native' ? strings[nodes[i + at.name]] : '';
    const key = name ? `${kind} ${name}` : `(${kind})`;
    const size = nodes[i + at.size];
    const g = byGroup.get(key) ?? { count: 0, bytes: 0 };
    g.count++;
    g.bytes += size;
    byGroup.set(key, g);
    total += size;
  }
  return { byGroup, total, objects: nodes.length / width };
}

const mb = (bytes) => (bytes / 1048576).toFixed(1);
const early = groups(positionals[0]);
const late = groups(positionals[1]);
const rows = [...new Set([...early.byGroup.keys(), ...late.byGroup.keys()])].map((key) => {
  const a = early.byGroup.get(key) ?? { count: 0, bytes: 0 };
  const b = late.byGroup.get(key) ?? { count: 0, bytes: 0 };
  return { key, a, b, growth: b.bytes - a.bytes };
});
rows.sort((x, y) => y.growth - x.growth);
process.stdout.write('| group | objects early → late | MB early → late | growth MB |\n|---|---|---|---|\n');
for (const r of rows.slice(0, Number(args.top))) {
  process.stdout.write(`| ${r.key.slice(0, 60)} | ${r.a.count} → ${r.b.count} | ${mb(r.a.bytes)} → ${mb(r.b.bytes)} | ${mb(r.growth)} |\n`);
}
process.stdout.write(`heap: early ${mb(early.total)} MB (${early.objects} objects), late ${mb(late.total)} MB (${late.objects} objects), growth ${mb(late.total - early.total)} MB\n`);
