import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestEntry, PersistedDocumentManifest } from './persisted-document-manifest';

const GQL_TEMPLATE = /\bgql\b(?:<[^`]*?>)?\s*`([^`]*)`/g;
const STRING_CONSTANT = /\bconst\s+([A-Z_][A-Z0-9_]*)\s*=\s*(?:`([^`]*)`|'([^'\n]*)'|"([^"\n]*)")/g;

export interface ExtractionProblem {
  file: string;
  message: string;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) out.push(full);
  }
  return out;
}

/**
 * Every `gql` document in the portal sources, with `${CONSTANT}` pieces filled from template
 * constants of the same file (the portal's shared field lists), as manifest entries.
 */
export function extractPortalOperations(portalSrc: string): { manifest: PersistedDocumentManifest; problems: ExtractionProblem[] } {
  const manifest: PersistedDocumentManifest = { version: 1, generatedFrom: 'portal/src', operations: {} };
  const problems: ExtractionProblem[] = [];
  for (const file of tsFiles(portalSrc).sort()) {
    const text = fs.readFileSync(file, 'utf8');
    if (!/\bgql\b/.test(text)) continue;
    const constants = new Map<string, string>();
    for (const m of text.matchAll(STRING_CONSTANT)) constants.set(m[1], m[2] ?? m[3] ?? m[4]);
    const fill = (source: string, depth = 0): string =>
      source.replace(/\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g, (whole, name: string) => {
        const value = constants.get(name);
        if (value === undefined || depth > 5) throw new Error(`cannot resolve \${${name}}`);
        return fill(value, depth + 1);
      });
    for (const m of text.matchAll(GQL_TEMPLATE)) {
      const relative = path.relative(path.dirname(portalSrc), file);
      try {
        const entry = manifestEntry(fill(m[1]));
        manifest.operations[entry.hash] = { name: entry.name, type: entry.type, document: entry.document };
      } catch (error) {
        problems.push({ file: relative, message: (error as Error).message });
      }
    }
  }
  return { manifest, problems };
}
