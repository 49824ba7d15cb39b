import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractPortalOperations } from './extract-portal-operations';
import { MANIFEST_PATH } from './persisted-document-manifest';

/**
 * `npm run persisted-documents`: writes gateway/persisted-documents.json from the portal sources
 * (`--check`: exits 1 when the committed manifest is out of date).
 */
function main(): void {
  const portalSrc = path.resolve(__dirname, '../../../../portal/src');
  const { manifest, problems } = extractPortalOperations(portalSrc);
  for (const p of problems) process.stderr.write(`persisted-documents: ${p.file}: ${p.message}\n`);
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const count = Object.keys(manifest.operations).length;
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(MANIFEST_PATH) ? fs.readFileSync(MANIFEST_PATH, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`persisted-documents: ${path.relative(process.cwd(), MANIFEST_PATH)} is out of date; run npm run persisted-documents\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`persisted-documents: ${count} operations, up to date\n`);
    return;
  }
  fs.writeFileSync(MANIFEST_PATH, text);
  process.stdout.write(`persisted-documents: ${count} operations written to ${path.relative(process.cwd(), MANIFEST_PATH)}${problems.length ? ` (${problems.length} skipped)` : ''}\n`);
  if (problems.length) process.exitCode = 1;
}

main();
