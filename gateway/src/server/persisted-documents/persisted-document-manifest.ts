import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentNode, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';

/** hash → document of every operation the portal ships, written at build time. */
export interface PersistedDocumentManifest {
  version: 1;
  generatedFrom: string;
  operations: Record<string, { name: string; type: 'query' | 'mutation' | 'subscription'; document: string }>;
}

export const MANIFEST_PATH = path.resolve(__dirname, '../../../persisted-documents.json');

/**
 * The form a document is hashed in: parsed, `__typename` selections removed (Apollo Client adds
 * them on the way out), printed by graphql-js. Whitespace, comments and field order of
 * formatting do not change the hash; any change to what is selected does.
 */
export function normaliseDocument(source: string | DocumentNode): string {
  const document = typeof source === 'string' ? parse(source, { noLocation: true }) : source;
  const stripped = visit(document, {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
  });
  return print(stripped);
}

export function documentHash(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

export function manifestEntry(source: string): { hash: string; name: string; type: 'query' | 'mutation' | 'subscription'; document: string } {
  const document = normaliseDocument(source);
  const operation = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return { hash: documentHash(document), name: operation?.name?.value ?? '(anonymous)', type: (operation?.operation ?? 'query') as 'query' | 'mutation' | 'subscription', document };
}

export function loadManifest(file = process.env.PERSISTED_DOCUMENTS_PATH ?? MANIFEST_PATH): PersistedDocumentManifest | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PersistedDocumentManifest;
}
