import * as fs from 'node:fs';
import * as path from 'node:path';
import { migrationDataSource, pendingSchemaDiff } from './migration-data-source';

const ROOT = path.resolve(__dirname, '../../..');

function migrationsDir(service: string): string {
  return service === 'identity' ? path.join(ROOT, 'gateway/src/identity/migrations') : path.join(ROOT, `services/${service}/src/migrations`);
}

const quote = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

/**
 * `npm run migration:generate -- <service> <Name>`: applies the existing migrations to a scratch
 * MariaDB database, diffs it against the entities and writes the difference as a new migration.
 * MYSQL_URL (default mariadb://root@127.0.0.1:3306) points at the server.
 */
async function main(service: string, name: string): Promise<void> {
  if (!service || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    throw new Error('usage: migration:generate -- <service> <PascalCaseName>');
  }
  const server = process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
  const scratch = `lx_migration_${service}_${process.pid}`;
  const ds = await migrationDataSource(service, `${server}/${scratch}`);
  try {
    await ds.runMigrations({ transaction: 'each' });
    const diff = await pendingSchemaDiff(ds);
    if (!diff.up.length) {
      process.stdout.write(`${service}: entities and migrations agree; nothing to generate\n`);
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const dir = migrationsDir(service);
    const file = path.join(dir, `${timestamp}-${name}.ts`);
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.reverse().map((q) => `    await queryRunner.query(${quote(q)});`).join('\n')}
  }
}
`;
    fs.writeFileSync(file, body);
    const indexFile = path.join(dir, 'index.ts');
    const existing = fs.readdirSync(dir).filter((f) => /^\d+-[A-Za-z0-9]+\.ts$/.test(f)).sort();
    const exportName = service === 'identity' ? 'identityMigrations' : 'migrations';
    // Platform migrations (outbox/inbox, scheduling leases, idempotency, audit…) imported from
    // @lianxiao/platform are kept, in their order, after the service's own.
    const previous = fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : '';
    const platformImport = /import\s*\{([^}]*)\}\s*from\s*'@lianxiao\/platform'/.exec(previous)?.[1] ?? '';
    const platformMigrations = platformImport.split(',').map((n) => n.trim()).filter((n) => /^[A-Z]\w*\d{13}$/.test(n));
    const imports = existing.map((f) => {
      const [, ts, n] = /^(\d+)-([A-Za-z0-9]+)\.ts$/.exec(f) as RegExpExecArray;
      return { line: `import { ${n}${ts} } from './${f.replace(/\.ts$/, '')}';`, cls: `${n}${ts}` };
    });
    fs.writeFileSync(
      indexFile,
      `/** MySQL migrations in order; generated with \`npm run migration:generate -- ${service} <Name>\`. */\n` +
        `import { ${['type MigrationClassList', ...platformMigrations].join(', ')} } from '@lianxiao/platform';\n` +
        imports.map((i) => i.line).join('\n') +
        `\n\nexport const ${exportName}: MigrationClassList = [${[...imports.map((i) => i.cls), ...platformMigrations].join(', ')}];\n`,
    );
    process.stdout.write(`${service}: wrote ${path.relative(ROOT, file)} (${diff.up.length} statements)\n`);
  } finally {
    await ds.query(`DROP DATABASE IF EXISTS \`${scratch}\``);
    await ds.destroy();
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
