import * as path from 'node:path';
import { AuditVerdict, auditTargets, verifyAuditChain } from './audit-chain-verifier';

const SERVICES = ['identity', 'customers', 'orders', 'dealers', 'incentives'];

const USAGE = `Verifies the hash-chained audit log of every service database.

usage: npm run audit:verify [-- options]
  --data-dir <dir>   embedded SQLite files <dir>/<service>.sqlite (default: DATA_DIR or ./data)
  --mysql <url>      MariaDB/MySQL server, e.g. mariadb://root@127.0.0.1:3306 (default: MYSQL_URL when set)
  --prefix <p>       database name prefix with --mysql (default: DB_PREFIX or lianxiao_)
  --service <name>   only this service (repeatable); default ${SERVICES.join(', ')}

Prints the entries checked per service; exits 1 when any chain is broken, naming the seq.
`;

function parse(argv: string[]): { where: { dataDir: string } | { mysqlUrl: string; prefix: string }; services: string[] } | 'help' {
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--data-dir', '--mysql', '--prefix', '--service'].includes(name)) throw new Error(`unknown argument "${arg}"`);
    const value = inline ?? argv[++i];
    if (!value) throw new Error(`${name} needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  const mysqlUrl = values.get('--mysql')?.[0] ?? (values.has('--data-dir') ? undefined : process.env.MYSQL_URL);
  const services = values.get('--service') ?? SERVICES;
  if (mysqlUrl) return { where: { mysqlUrl, prefix: values.get('--prefix')?.[0] ?? process.env.DB_PREFIX ?? 'lianxiao_' }, services };
  return { where: { dataDir: path.resolve(values.get('--data-dir')?.[0] ?? process.env.DATA_DIR ?? './data') }, services };
}

function line(v: AuditVerdict): string {
  if (v.status === 'ok') return `${v.service.padEnd(11)} ${String(v.checked).padStart(8)} entries checked, chain intact`;
  if (v.status === 'skipped') return `${v.service.padEnd(11)}        - skipped: ${v.reason}`;
  return `${v.service.padEnd(11)} ${String(v.checked).padStart(8)} entries checked, CHAIN BROKEN at seq ${v.seq}: ${v.reason} / 审计链在序号 ${v.seq} 处断裂`;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const where = 'dataDir' in options.where ? `SQLite files in ${options.where.dataDir}` : `${options.where.mysqlUrl.replace(/\/\/[^@]*@/, '//')} (${options.where.prefix}*)`;
  process.stdout.write(`Audit chains in ${where}\n`);
  let broken = 0;
  let total = 0;
  for (const target of auditTargets(options.services, options.where)) {
    const verdict = await verifyAuditChain(target);
    process.stdout.write(line(verdict) + '\n');
    total += verdict.checked;
    if (verdict.status === 'broken') broken += 1;
  }
  process.stdout.write(broken ? `${broken} chain(s) broken; ${total} entries checked\n` : `all chains intact; ${total} entries checked\n`);
  if (broken) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exitCode = 2;
});
