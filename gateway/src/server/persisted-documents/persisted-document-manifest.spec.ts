import * as path from 'node:path';
import { documentHash, normaliseDocument } from './persisted-document-manifest';
import { extractPortalOperations } from './extract-portal-operations';

describe('persisted document manifest', () => {
  it('hashes a document the same whatever its spacing, comments and __typename selections', () => {
    const a = normaliseDocument('query D($id: ID!) { dealer(id: $id) { id name } }');
    const b = normaliseDocument('# portal\nquery D($id: ID!) {\n  dealer(id: $id) { __typename id\n name }\n}');
    expect(documentHash(a)).toBe(documentHash(b));
    expect(documentHash(a)).not.toBe(documentHash(normaliseDocument('query D($id: ID!) { dealer(id: $id) { id name phone } }')));
  });

  it("extracts the portal's operations with their shared field lists filled in", () => {
    const { manifest } = extractPortalOperations(path.resolve(__dirname, '../../../../portal/src'));
    const ops = Object.values(manifest.operations);
    const dealers = ops.find((o) => o.name === 'Dealers');
    expect(dealers?.document).toContain('pointsBalance');
    expect(ops.find((o) => o.name === 'CreateUser')?.type).toBe('mutation');
    for (const [hash, op] of Object.entries(manifest.operations)) expect(documentHash(op.document)).toBe(hash);
  });
});
