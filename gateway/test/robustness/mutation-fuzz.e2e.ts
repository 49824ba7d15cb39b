/**
 * Schema-driven fuzzing (issue 11 item 1): every mutation of the composed supergraph receives invalid
 * and hostile inputs — wrong types, empty and huge strings, negative and huge numbers, NaN-like
 * strings, invalid dates, SQL and HTML injection, emoji with mixed Chinese, unknown enum values, ids
 * that do not exist or belong to another dealer, malformed files — as the roles allowed to call it.
 * Every answer must be a structured refusal (no 5xx, a stable code, a zh-CN and an English message)
 * and the service databases must be unchanged afterwards. Bounded: a fixed number of variants per
 * mutation, picked deterministically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, GraphQLField, GraphQLInputType, GraphQLSchema, isInputObjectType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { graphqlUrl, tokenFor } from '@lianxiao/testing';
import { changedTables, snapshotDatabases } from './database-snapshot';
import { fillerFor, hostileValuesFor } from './hostile-inputs';

const SUPERGRAPH = path.resolve(__dirname, '../../supergraph.graphql');
const CALLERS = ['admin', 'director', 'rep.east1', 'dealer05', 'engineer', 'legal', 'finance', 'production', 'procurement', 'supervisor.east'] as const;
const VARIANTS_PER_MUTATION = 24;
const CJK = /[\u4e00-\u9fff]/;
/**
 * Mutations that run a job (an alert sweep, reminders, a month's statements, a simulated ERP event):
 * with any acceptable input — even an odd time — their purpose is to write, so only their refusals
 * are judged, not the database afterwards.
 */
const JOB_TRIGGER = /^(run|generate|simulate)[A-Z]/;

interface Answer { status: number; body: { data?: Record<string, unknown> | null; errors?: { message?: string; extensions?: Record<string, unknown> }[] } | null; raw: string }

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }).catch(async (error: unknown) => {
      // A kept-alive connection closed by the server while idle is retried once on a new one.
      if (attempt > 0) throw error;
      return null;
    });
    if (!res) continue;
    const raw = await res.text();
    if ((res.status === 429 || res.status === 503) && attempt < 5) {
      // The rate limit or the load shedder is doing its job; wait as told and send the same case again.
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      continue;
    }
    let body: Answer['body'] = null;
    try { body = JSON.parse(raw); } catch { /* judged below */ }
    return { status: res.status, body, raw };
  }
}

/** Deterministic pseudo-random choice (mulberry32) so a failing case can be rerun. */
function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type) || !isObjectType(type)) return '';
  const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
  return `{ __typename ${leaves.slice(0, 6).map((f) => f.name).join(' ')} }`;
}

interface Position { path: string[]; type: GraphQLInputType; name: string }

/** Argument positions and input-object fields (two levels) a variant can attack. */
function positionsOf(field: GraphQLField<unknown, unknown>): Position[] {
  const out: Position[] = [];
  const walk = (type: GraphQLInputType, at: string[], name: string, depth: number) => {
    out.push({ path: at, type, name });
    const named = getNamedType(type);
    if (depth < 2 && isInputObjectType(named)) for (const f of Object.values(named.getFields())) walk(f.type, [...at, f.name], f.name, depth + 1);
  };
  for (const arg of field.args) walk(arg.type, [arg.name], arg.name, 0);
  return out;
}

function baseArguments(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of field.args) if (isNonNullType(arg.type)) vars[arg.name] = fillerFor(arg.type, arg.name);
  return vars;
}

function withValue(base: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[at[at.length - 1]] = value;
  return copy;
}

/** What is wrong with an answer, or null when it is a clean refusal. */
function defectOf(answer: Answer, field: string): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}: ${answer.raw.slice(0, 200)}`;
  if (!answer.body) return `HTTP ${answer.status} with a body that is not JSON: ${answer.raw.slice(0, 120)}`;
  const errors = answer.body.errors ?? [];
  if (!errors.length) {
    const value = answer.body.data?.[field];
    return value === null || value === undefined ? 'no error and no data' : null; // accepted: judged by the database check
  }
  for (const e of errors) {
    const x = e.extensions ?? {};
    const code = String(x.code ?? '');
    if (!code) return `error without a code: ${e.message}`;
    if (code === 'INTERNAL_ERROR' || code === 'INTERNAL_SERVER_ERROR') return `internal error: ${e.message}`;
    if (typeof x.messageEn !== 'string' || !x.messageEn) return `${code} without an English message`;
    if (typeof x.messageZh !== 'string' || !CJK.test(x.messageZh)) return `${code} without a Chinese message (${String(x.messageZh)})`;
  }
  return null;
}

describe('schema-driven fuzzing of every mutation', () => {
  const schema: GraphQLSchema = Supergraph.build(fs.readFileSync(SUPERGRAPH, 'utf8')).apiSchema().toGraphQLJSSchema();
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  const tokens: Record<string, string> = {};
  const foreignIds: string[] = [];

  beforeAll(async () => {
    for (const c of CALLERS) tokens[c] = await tokenFor(c);
    // Ids dealer05 must never touch: another dealer's id.
    const d = await post('{ dealers(search: "D06", first: 1) { nodes { id } } }', {}, tokens.director);
    const id = (d.body?.data?.dealers as { nodes: { id: string }[] } | undefined)?.nodes[0]?.id;
    if (id) foreignIds.push(id);
  }, 120_000);

  it('refuses hostile input to every mutation cleanly and writes nothing', async () => {
    const defects: string[] = [];
    let cases = 0;
    let accepted = 0;
    for (const field of mutations) {
      if (field.name === 'login' || field.name === 'refreshToken') continue; // public sign-in: fuzzed below without a token
      const op = (vars: Record<string, unknown>) => {
        const used = field.args.filter((a) => a.name in vars);
        const decl = used.length ? `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
        const args = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
        return `mutation Fuzz${decl} { ${field.name}${args} ${selectionFor(field)} }`;
      };
      const base = baseArguments(field);
      // The callers who get past the access check (refused for another reason than FORBIDDEN).
      const allowed: string[] = [];
      for (const c of CALLERS) {
        const probe = await post(op(base), base, tokens[c]).catch((error: unknown) => {
          throw new Error(`${field.name} as ${c} (filler input ${JSON.stringify(base).slice(0, 200)}): no answer (${String((error as Error).cause ?? error)})`);
        });
        cases += 1;
        const code = String(probe.body?.errors?.[0]?.extensions?.code ?? '');
        const defect = defectOf(probe, field.name);
        if (defect) defects.push(`${field.name} as ${c} (filler input): ${defect}`);
        if (code !== 'FORBIDDEN' && code !== 'UNAUTHENTICATED') allowed.push(c);
        if (allowed.length === 2) break;
      }
      const variants: { at: string[]; value: unknown }[] = [];
      for (const p of positionsOf(field)) for (const value of hostileValuesFor(p.type, p.name, foreignIds)) variants.push({ at: p.path, value });
      const pick = rng(field.name.length * 7919 + field.name.charCodeAt(0));
      const chosen = variants.length <= VARIANTS_PER_MUTATION ? variants : Array.from({ length: VARIANTS_PER_MUTATION }, () => variants[Math.floor(pick() * variants.length)]);
      const before = await snapshotDatabases();
      for (const caller of allowed.length ? allowed : ['admin']) {
        for (const v of chosen) {
          const vars = withValue(base, v.at, v.value);
          const answer = await post(op(vars), vars, tokens[caller]).catch((error: unknown) => {
            // The server went away: name the case that did it, the rest cannot run.
            throw new Error(`${field.name}.${v.at.join('.')}=${JSON.stringify(v.value)?.slice(0, 60)} as ${caller}: no answer (${String((error as Error).cause ?? error)})`);
          });
          cases += 1;
          const defect = defectOf(answer, field.name);
          if (defect) defects.push(`${field.name}.${v.at.join('.')}=${JSON.stringify(v.value)?.slice(0, 60)} as ${caller}: ${defect}`);
          if (!answer.body?.errors?.length) accepted += 1;
        }
      }
      const changed = changedTables(before, await snapshotDatabases());
      if (changed.length && !JOB_TRIGGER.test(field.name)) defects.push(`${field.name}: hostile input changed ${changed.join(', ')}`);
    }
    // Public sign-in with hostile credentials, anonymously.
    for (const value of hostileValuesFor(schema.getMutationType()!.getFields().login.args[0].type, 'username', [])) {
      const answer = await post('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: value, p: value }, undefined);
      cases += 1;
      const defect = defectOf(answer, 'login');
      if (defect) defects.push(`login(${JSON.stringify(value)?.slice(0, 40)}): ${defect}`);
    }
    // A 10 MB string: refused by the gateway's body limit before any subgraph sees it.
    const huge = await post(`mutation($n: String!) { logout(refreshToken: $n) }`, { n: 'x'.repeat(10 * 1024 * 1024) }, tokens.admin);
    cases += 1;
    const hugeDefect = defectOf(huge, 'logout');
    if (hugeDefect) defects.push(`10 MB string: ${hugeDefect}`);
    expect(huge.status).toBe(413);

    process.stdout.write(`fuzz: ${mutations.length} mutations, ${cases} cases, ${accepted} accepted without error, ${defects.length} defects\n`);
    expect(defects).toEqual([]);
  }, 600_000);
});
