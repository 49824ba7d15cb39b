import { errorCodes, gql, graphqlUrl, tokenFor } from '@lianxiao/testing';

// The limits the gateway runs with by default (gateway/src/server/hardening/graphql-limits.ts).
const LIMITS = { depth: 12, aliases: 30, cost: 20000, rootFields: 15, tokens: 5000, batch: 1 };

async function post(body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as { errors?: { extensions?: Record<string, unknown> }[]; data?: unknown } };
}

describe('GraphQL hardening at the gateway', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokenFor('director');
  });

  it('refuses an over-deep query before execution, naming depth and limit', async () => {
    // customer → health → customer … : 15 levels deep; the id does not exist, so execution would say NOT_FOUND.
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `health { customer { ${selection} } }`;
    const answer = await gql(`{ customer(id: "no-such-customer") { ${selection} } }`, {}, token);
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(errorCodes(answer)).toEqual(['QUERY_TOO_DEEP']);
    const ext = answer.errors![0].extensions!;
    expect(ext.limit).toBe(LIMITS.depth);
    expect(ext.found).toBeGreaterThan(LIMITS.depth);
    expect(ext.messageZh).toBe(`查询深度 ${ext.found} 超过上限 ${LIMITS.depth}`);
    expect(ext.messageEn).toBe(`Query depth ${ext.found} exceeds the limit ${LIMITS.depth}`);
  });

  it('accepts a query at a normal depth', async () => {
    const answer = await gql('{ me { username dealer { id } } }', {}, token);
    expect(answer.errors).toBeUndefined();
  });

  it('refuses more than 30 aliases and names the limit', async () => {
    const fields = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: username`).join(' ');
    const answer = await gql(`{ me { ${fields} } }`, {}, token);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['TOO_MANY_ALIASES']);
    expect(answer.errors![0].extensions).toMatchObject({ limit: 30, found: 31, messageZh: '别名数量 31 超过上限 30', messageEn: '31 aliases exceed the limit 30' });
  });

  it('accepts exactly 30 aliases', async () => {
    const fields = Array.from({ length: LIMITS.aliases }, (_, i) => `a${i}: username`).join(' ');
    const answer = await gql(`{ me { ${fields} } }`, {}, token);
    expect(answer.errors).toBeUndefined();
  });

  it('refuses an over-costly query before execution with cost and limit named', async () => {
    const roots = Array.from({ length: 12 }, (_, i) => `c${i}: customers(first: 200) { nodes { id name } }`).join(' ');
    const answer = await gql(`{ ${roots} }`, {}, token);
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(errorCodes(answer)).toEqual(['QUERY_TOO_COSTLY']);
    const ext = answer.errors![0].extensions!;
    expect(ext.limit).toBe(LIMITS.cost);
    expect(Number(ext.found)).toBeGreaterThan(LIMITS.cost);
    expect(ext.messageEn).toBe(`Query cost ${ext.found} exceeds the limit ${LIMITS.cost}`);
    expect(ext.messageZh).toBe(`查询成本 ${ext.found} 超过上限 ${LIMITS.cost}`);
  });

  it('refuses more root fields than the limit in one operation', async () => {
    const roots = Array.from({ length: LIMITS.rootFields + 1 }, (_, i) => `m${i}: me { id }`).join(' ');
    const answer = await gql(`{ ${roots} }`, {}, token);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['TOO_MANY_ROOT_FIELDS']);
    expect(answer.errors![0].extensions).toMatchObject({ limit: 15, found: 16, messageZh: '一次请求的根字段数量 16 超过上限 15' });
  });

  it('counts root fields reached through fragments', async () => {
    const inner = Array.from({ length: LIMITS.rootFields + 1 }, (_, i) => `m${i}: me { id }`).join(' ');
    const answer = await gql(`query { ...Roots } fragment Roots on Query { ${inner} }`, {}, token);
    expect(errorCodes(answer)).toEqual(['TOO_MANY_ROOT_FIELDS']);
  });

  it('refuses a document with more tokens than the limit', async () => {
    const answer = await gql(`{ ${'__typename '.repeat(LIMITS.tokens + 1)} }`, {}, token);
    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['TOO_MANY_TOKENS']);
    expect(answer.errors![0].extensions?.messageEn).toContain(String(LIMITS.tokens));
  });

  it('refuses a batch of two operations with BATCH_TOO_LARGE; a single operation in an array still works', async () => {
    const two = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(two.status).toBe(400);
    expect(two.body.errors?.[0].extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', limit: 1, found: 2, messageZh: '批量请求包含 2 个操作，超过上限 1' });
    const one = await post(JSON.stringify([{ query: '{ __typename }' }]));
    expect(one.status).toBe(200);
    expect(one.body).toEqual([{ data: { __typename: 'Query' } }]);
  });

  it('answers 413 with a coded JSON error for a body over 2 MB', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024 + 10) } });
    const answer = await post(body);
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BODY_TOO_LARGE', messageZh: '请求体超过上限 2 MB', messageEn: 'The request body exceeds the limit of 2 MB' });
  });

  it('answers 400 with a coded JSON error for a malformed body', async () => {
    const answer = await post('{"query": ');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST_BODY');
  });

  it('does not count ordinary requests against the rate limit (no 429 in a burst of 40)', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => gql('{ __typename }', {}, token)));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
  });
});
