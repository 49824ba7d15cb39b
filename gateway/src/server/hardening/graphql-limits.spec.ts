import express from 'express';
import request from 'supertest';
import { buildSchema, parse, validate } from 'graphql';
import { armorProtection, checkTokenLimit, loadGraphQLLimits, maxRootFieldsPlugin, withLimitCodes } from './graphql-limits';
import { batchLimitMiddleware, bodyErrorHandler, tokenLimitMiddleware } from './http-guards';

const schema = buildSchema('type Query { node: Node } type Node { id: ID child: Node list(first: Int): [Node] }');

function codesOf(query: string, production = false) {
  const limits = { ...loadGraphQLLimits({}), maxDepth: 4, maxCost: 100 };
  const { validationRules } = armorProtection(limits, production);
  return validate(schema, parse(query), validationRules as never).map((e) => e.extensions);
}

describe('graphql-armor limits with coded, bilingual errors', () => {
  it('has the documented defaults and reads overrides from the environment', () => {
    expect(loadGraphQLLimits({})).toMatchObject({ maxDepth: 12, maxAliases: 30, maxCost: 20000, maxRootFields: 15, maxBatch: 1, maxBodyBytes: 2 * 1024 * 1024 });
    expect(loadGraphQLLimits({ GRAPHQL_MAX_DEPTH: '8' }).maxDepth).toBe(8);
    expect(() => loadGraphQLLimits({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH/);
  });

  it('names depth and limit', () => {
    const [ext] = codesOf('{ node { child { child { child { child { id } } } } } }');
    expect(ext).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 4, found: 6, messageZh: '查询深度 6 超过上限 4' });
  });

  it('names cost and limit', () => {
    const [ext] = codesOf('{ node { list(first: 50) { id } } }');
    expect(ext).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 100 });
    expect(String(ext.messageEn)).toMatch(/^Query cost \d+ exceeds the limit 100$/);
  });

  it('passes a modest query', () => {
    expect(codesOf('{ node { id child { id } } }')).toEqual([]);
  });

  it('counts tokens with the armor lexer', () => {
    expect(checkTokenLimit('{ a b c }', 10)).toBeNull();
    expect(checkTokenLimit('{ a b c d e f g h i j k }', 10)?.extensions).toMatchObject({ code: 'TOO_MANY_TOKENS', limit: 10 });
    expect(checkTokenLimit('{ broken', 10)).toBeNull();
  });
});

describe('express guards', () => {
  const app = express();
  app.use(express.json({ limit: 1024 }), bodyErrorHandler(1024), batchLimitMiddleware(1), tokenLimitMiddleware(20));
  app.post('/graphql', (_req, res) => {
    res.json({ data: { ok: true } });
  });

  it('413 for a body over the limit', async () => {
    const res = await request(app).post('/graphql').send({ query: 'x'.repeat(2000) }).expect(413);
    expect(res.body.errors[0].extensions.code).toBe('BODY_TOO_LARGE');
  });

  it('400 BATCH_TOO_LARGE for arrays above the batch limit', async () => {
    const res = await request(app).post('/graphql').send([{ query: '{a}' }, { query: '{b}' }]).expect(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BATCH_TOO_LARGE', limit: 1, found: 2 });
    await request(app).post('/graphql').send([{ query: '{a}' }]).expect(200);
  });

  it('400 TOO_MANY_TOKENS before Apollo parses', async () => {
    const res = await request(app).post('/graphql').send({ query: `{ ${'a '.repeat(30)} }` }).expect(400);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_TOKENS', limit: 20 });
    expect(res.body.errors[0].extensions.http).toBeUndefined();
  });

  it('checks each text again until it passed, and an accepted text stays accepted', async () => {
    const long = `{ ${'a '.repeat(30)} }`;
    for (let i = 0; i < 2; i++) await request(app).post('/graphql').send({ query: long }).expect(400);
    for (let i = 0; i < 2; i++) await request(app).post('/graphql').send({ query: '{ a b }' }).expect(200);
  });

  it('400 BAD_REQUEST_BODY for malformed JSON', async () => {
    const res = await request(app).post('/graphql').set('content-type', 'application/json').send('{"query":').expect(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST_BODY');
  });
});

describe('in an Apollo server', () => {
  async function serverFor(production: boolean) {
    const { ApolloServer } = await import('@apollo/server');
    const limits = { ...loadGraphQLLimits({}), maxRootFields: 2 };
    const armor = armorProtection(limits, production);
    const server = new ApolloServer({
      typeDefs: 'type Query { node: String other: String }',
      resolvers: { Query: { node: () => 'n', other: () => 'o' } },
      validationRules: armor.validationRules,
      plugins: [...armor.plugins, maxRootFieldsPlugin(limits.maxRootFields)],
      formatError: withLimitCodes((formatted) => formatted),
    });
    await server.start();
    return server;
  }

  it('hides field suggestions in production only', async () => {
    for (const production of [false, true]) {
      const server = await serverFor(production);
      const res = await server.executeOperation({ query: '{ nod }' });
      const message = res.body.kind === 'single' ? res.body.singleResult.errors?.[0].message : '';
      expect(message).toContain('Cannot query field "nod"');
      if (production) expect(message).not.toMatch(/Did you mean/);
      else expect(message).toMatch(/Did you mean "node"/);
      await server.stop();
    }
  });

  it('refuses too many root fields before execution with TOO_MANY_ROOT_FIELDS', async () => {
    const server = await serverFor(false);
    const res = await server.executeOperation({ query: '{ node other a: node }' });
    expect(res.http.status).toBe(400);
    const result = res.body.kind === 'single' ? res.body.singleResult : undefined;
    expect(result?.data).toBeUndefined();
    expect(result?.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ROOT_FIELDS', limit: 2, found: 3, messageEn: '3 root fields in one operation exceed the limit 2' });
    expect(result?.errors?.[0].extensions).not.toHaveProperty('lianxiaoLimitCode');
    const ok = await server.executeOperation({ query: '{ node other __typename }' });
    expect(ok.body.kind === 'single' && ok.body.singleResult.data).toEqual({ node: 'n', other: 'o', __typename: 'Query' });
    await server.stop();
  });

  it('keeps the armor code through Apollo’s validation wrapper', async () => {
    const server = await serverFor(false);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: node`).join(' ');
    const res = await server.executeOperation({ query: `{ ${aliases} }` });
    const ext = res.body.kind === 'single' ? res.body.singleResult.errors?.[0].extensions : undefined;
    expect(ext).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 30, found: 31 });
    await server.stop();
  });
});
