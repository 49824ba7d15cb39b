import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { SUBGRAPH_ORDER } from '../subgraph-registry';

const ROOT = path.resolve(__dirname, '../../..');
const SUPERGRAPH_FILE = path.join(ROOT, 'gateway/supergraph.graphql');
const DEFAULT_PORTS: Record<string, number> = { identity: 4000, customers: 4001, orders: 4002, dealers: 4003, incentives: 4004 };

export function subgraphSdlFile(name: string): string {
  return name === 'identity' ? path.join(ROOT, 'gateway/identity.graphql') : path.join(ROOT, `services/${name}/${name}.graphql`);
}

function printSdl(name: string): string {
  // Logs must not mix into stdout, which carries the SDL.
  return execFileSync(process.execPath, [path.join(__dirname, 'print-subgraph-sdl.js'), name], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LOG_LEVEL: 'silent', KAFKA_BROKERS: '' },
  });
}

/**
 * `npm run supergraph`: prints each subgraph's SDL (its own process each), writes the SDL files,
 * composes and writes gateway/supergraph.graphql. `--check` writes nothing and exits 1 when
 * any committed file is stale.
 */
function main(): void {
  const check = process.argv.includes('--check');
  const subgraphs = SUBGRAPH_ORDER.map((name) => ({ name, sdl: printSdl(name) }));
  const composition = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: `http://127.0.0.1:${DEFAULT_PORTS[s.name]}/graphql` })),
  );
  if (composition.errors) {
    for (const error of composition.errors) process.stderr.write(`composition error: ${error.message}\n`);
    process.exit(1);
  }
  const outputs = new Map<string, string>(subgraphs.map((s) => [subgraphSdlFile(s.name), s.sdl]));
  outputs.set(SUPERGRAPH_FILE, composition.supergraphSdl.trim() + '\n');
  const stale: string[] = [];
  for (const [file, content] of outputs) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === content) continue;
    stale.push(path.relative(ROOT, file));
    if (!check) fs.writeFileSync(file, content);
  }
  if (check && stale.length) {
    process.stderr.write(`supergraph is stale: ${stale.join(', ')} — run \`npm run supergraph\` and commit the result\n`);
    process.exit(1);
  }
  process.stdout.write(check ? 'supergraph: up to date\n' : `supergraph: ${stale.length ? 'written ' + stale.join(', ') : 'unchanged'}\n`);
}

main();
