/**
 * Generated access test: walks every Query and Mutation root field of the composed supergraph and
 * runs it as every role (and anonymously) against the scopes that matter for it — two dealers
 * (D05 = the dealer05 caller's own, D06 = another), two regions' customers (east, owned by
 * rep.east1; south, owned by rep.south1) — and compares the outcome with ROOT_FIELD_CASES.
 * A root field without a case fails the test, so every new root field must be given one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { GraphQLAnswer, gql, tokenFor } from '@lianxiao/testing';

import { ROLES, Role, Caller, Outcome, Scope, FieldCase, CLASS_OF } from './access-cases/kit';
import { IDENTITY_CASES } from './access-cases/identity';
import { CUSTOMERS_CASES } from './access-cases/customers';
import { ORDERS_CASES } from './access-cases/orders';
import { DEALERS_CASES } from './access-cases/dealers';
import { INCENTIVES_CASES } from './access-cases/incentives';
import { AUDIT_CASES } from './access-cases/audit';

const SUPERGRAPH = path.resolve(__dirname, '../supergraph.graphql');

export const ROOT_FIELD_CASES: Record<string, FieldCase> = {
  ...IDENTITY_CASES, ...CUSTOMERS_CASES, ...ORDERS_CASES, ...DEALERS_CASES, ...INCENTIVES_CASES, ...AUDIT_CASES,
};

// ---------------------------------------------------------------------------------------------

interface Fixtures {
  ownDealerId: string;
  otherDealerId: string;
  /** Record ids per returned type (Customer, Contract, RequirementTicket, User) in region east and south. */
  east: Record<string, string>;
  south: Record<string, string>;
  /** The lowest agreement version of the east / south fixture ticket (null: the ticket has none). */
  agreementVersion: Record<'east' | 'south', number | null>;
}

function apiSchema(): GraphQLSchema {
  return Supergraph.build(fs.readFileSync(SUPERGRAPH, 'utf8')).apiSchema().toGraphQLJSSchema();
}

function rootFields(schema: GraphQLSchema): { op: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  const out: { op: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] = [];
  for (const [op, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) if (!field.name.startsWith('_')) out.push({ op, field });
  }
  return out;
}

function scalarsOf(type: GraphQLNamedType): string[] {
  if (!isObjectType(type)) return [];
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name);
}

/** Scalars of the returned type and of its object fields (depth ≤ 2). */
function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type) || !isObjectType(type)) return '';
  const parts = scalarsOf(type);
  for (const child of Object.values(type.getFields())) {
    const childType = getNamedType(child.type);
    if (!isObjectType(childType) || child.args.some((a) => isNonNullType(a.type))) continue;
    const inner = scalarsOf(childType);
    if (inner.length) parts.push(`${child.name} { ${inner.join(' ')} }`);
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

function valueFor(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name);
  if (isListType(type)) return [];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueFor(f.type, f.name);
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (getNamedType(type).name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return NO_SUCH_ID;
    default:
      return /password/i.test(name) ? 'matrix-wrong-password' : 'matrix-probe';
  }
}

/** ID arguments that name a record of another type than the one returned (ticketId on agreementVersions). */
const FIXTURE_TYPE_OF_ARG: Record<string, string> = { customerId: 'Customer', ticketId: 'RequirementTicket', contractId: 'Contract' };

function argumentsFor(field: GraphQLField<unknown, unknown>, scope: Scope, fx: Fixtures, c?: FieldCase): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of field.args as readonly GraphQLArgument[]) {
    const named = getNamedType(arg.type).name;
    if (c?.args && arg.name in c.args) vars[arg.name] = c.args[arg.name];
    else if (arg.name === 'first') vars.first = 3;
    else if (named === 'ID' && arg.name === 'dealerId' && !isNonNullType(arg.type) && (scope === 'ownDealer' || scope === 'otherDealer')) {
      // an optional dealer filter (sellThroughReceipts) is set in the dealer scopes, left out elsewhere
      vars[arg.name] = scope === 'ownDealer' ? fx.ownDealerId : fx.otherDealerId;
    }
    else if (!isNonNullType(arg.type)) continue;
    else if (named === 'ID' && (arg.name === 'dealerId' || (arg.name === 'id' && getNamedType(field.type).name === 'Dealer'))) {
      vars[arg.name] = scope === 'ownDealer' ? fx.ownDealerId : fx.otherDealerId;
    } else if (c?.needsAgreementVersion && (arg.name === 'from' || arg.name === 'to') && (scope === 'east' || scope === 'south')) {
      vars[arg.name] = fx.agreementVersion[scope] ?? 1;
    } else if (named === 'ID' && (scope === 'east' || scope === 'south')) {
      const id = fx[scope][FIXTURE_TYPE_OF_ARG[arg.name] ?? getNamedType(field.type).name];
      if (!id) throw new Error(`no ${scope} fixture for ${field.name}`);
      vars[arg.name] = id;
    }
    else vars[arg.name] = valueFor(arg.type, arg.name);
  }
  return vars;
}

function operationFor(op: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, vars: Record<string, unknown>): string {
  const used = field.args.filter((a) => a.name in vars);
  const decl = used.length ? `(${used.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const args = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  return `${op} Matrix${decl} { ${field.name}${args} ${selectionFor(field)} }`;
}

function outcomeOf(field: string, answer: GraphQLAnswer): string {
  const rootError = (answer.errors ?? []).find((e) => !e.path || (e.path.length === 1 && e.path[0] === field));
  if (rootError) {
    const code = String(rootError.extensions?.code ?? 'NO_CODE');
    return code === 'GRAPHQL_VALIDATION_FAILED' ? 'VALIDATION_FAILED' : code;
  }
  const value = (answer.data as Record<string, unknown> | undefined)?.[field];
  return value === null || value === undefined ? 'null' : 'data';
}

function expected(c: FieldCase, caller: Caller, scope: Scope, fx: Fixtures): Outcome {
  const e: Expect | undefined = caller === 'anonymous' ? (c.expect.anonymous ?? 'UNAUTHENTICATED') : (c.expect[caller] ?? c.expect[CLASS_OF[caller]]);
  if (e === undefined) throw new Error(`no expectation for ${caller}`);
  const outcome = typeof e === 'string' ? e : e[scope];
  if (!outcome) throw new Error(`no expectation for ${caller} in scope ${scope}`);
  if (outcome === 'data' && c.needsAgreementVersion && (scope === 'east' || scope === 'south') && fx.agreementVersion[scope] === null) return 'NOT_FOUND';
  return outcome;
}

/** Every dealer code, dealer id or dealer reference a dealer-staff caller receives must be its own. */
function foreignDealerLeaks(value: unknown, fx: Fixtures, trail = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => foreignDealerLeaks(v, fx, `${trail}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      const at = `${trail}.${k}`;
      const leaks = foreignDealerLeaks(v, fx, at);
      if (k === 'dealerId' && v !== null && v !== fx.ownDealerId) leaks.push(`${at}=${String(v)}`);
      if (k === 'code' && typeof v === 'string' && /^D\d{2}$/.test(v) && v !== 'D05') leaks.push(`${at}=${v}`);
      return leaks;
    });
  }
  if (typeof value === 'string' && value === fx.otherDealerId) return [`${trail}=${value}`];
  return [];
}

describe('generated access matrix over the supergraph', () => {
  const schema = apiSchema();
  const fields = rootFields(schema);
  const tokens: Partial<Record<Role, string>> = {};
  let fx: Fixtures;

  beforeAll(async () => {
    for (const role of ROLES) tokens[role] = await tokenFor(role);
    const director = tokens.director!;
    const dealers = await gql<{ dealers: { nodes: { id: string; code: string }[] } }>('{ dealers(search: "D0", first: 20) { nodes { id code } } }', {}, director);
    const idOf = (code: string) => dealers.data!.dealers.nodes.find((d) => d.code === code)!.id;
    const me05 = await gql<{ me: { dealer: { id: string } } }>('{ me { dealer { id } } }', {}, tokens.dealer05);
    type Owned = { nodes: { id: string; customer?: { owner: { username: string } | null }; owner?: { username: string } | null; username?: string }[] };
    const rows = await gql<{ customers: Owned; contracts: Owned; requirementTickets: Owned; users: Owned }>(
      `{ customers(first: 200) { nodes { id owner { username } } }
         contracts(first: 200) { nodes { id customer { owner { username } } } }
         requirementTickets(first: 200) { nodes { id customer { owner { username } } } }
         users(first: 200) { nodes { id username } } }`, {}, director);
    if (rows.errors) throw new Error(`fixture query failed: ${JSON.stringify(rows.errors).slice(0, 1500)}`);
    const pick = (list: Owned, username: string): string => {
      const row = list.nodes.find((n) => (n.customer?.owner ?? n.owner)?.username === username || n.username === username);
      if (!row) throw new Error(`fixture: nothing belongs to ${username}`);
      return row.id;
    };
    const region = (username: string) => ({
      Customer: pick(rows.data!.customers, username),
      Contract: pick(rows.data!.contracts, username),
      RequirementTicket: pick(rows.data!.requirementTickets, username),
      User: pick(rows.data!.users, username),
    });
    const east = region('rep.east1');
    const south = region('rep.south1');
    const lowestVersion = async (ticketId: string): Promise<number | null> => {
      const answer = await gql<{ agreementVersions: { version: number }[] }>('query($t: ID!) { agreementVersions(ticketId: $t) { version } }', { t: ticketId }, director);
      expect(answer.errors).toBeUndefined();
      return answer.data!.agreementVersions[0]?.version ?? null;
    };
    fx = {
      ownDealerId: me05.data!.me.dealer.id, otherDealerId: idOf('D06'), east, south,
      agreementVersion: { east: await lowestVersion(east.RequirementTicket), south: await lowestVersion(south.RequirementTicket) },
    };
    expect(fx.ownDealerId).toBe(idOf('D05'));
  }, 60_000);

  it('has a case for every Query and Mutation root field of the supergraph (and none for removed fields)', () => {
    const names = fields.map((f) => f.field.name).sort();
    expect(names.filter((n) => !ROOT_FIELD_CASES[n])).toEqual([]);
    expect(Object.keys(ROOT_FIELD_CASES).filter((n) => !names.includes(n))).toEqual([]);
    expect(names.length).toBeGreaterThan(10);
  });

  it('gives every role exactly the outcome of its case, never leaks another dealer, and no resolver is undeclared', async () => {
    const failures: string[] = [];
    const executedFields = new Set<string>();
    let checked = 0;
    let executed = 0;
    for (const { op, field } of fields) {
      const c = ROOT_FIELD_CASES[field.name];
      if (!c) continue;
      for (const scope of c.scopes) {
        for (const caller of [...ROLES, 'anonymous'] as Caller[]) {
          const want = expected(c, caller, scope, fx);
          checked += 1;
          if (want === 'not-run') {
            continue;
          }
          const vars = argumentsFor(field, scope, fx, c);
          const answer = await gql(operationFor(op, field, vars), vars, caller === 'anonymous' ? undefined : tokens[caller]);
          executed += 1;
          executedFields.add(field.name);
          const got = outcomeOf(field.name, answer);
          const codes = (answer.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
          const where = `${op} ${field.name} [${scope}] as ${caller}`;
          if (codes.includes('ACCESS_UNDECLARED')) failures.push(`${where}: ACCESS_UNDECLARED — the resolver declares no access rule`);
          if (codes.some((code) => code === 'INTERNAL_ERROR' || code === '')) failures.push(`${where}: unexpected error ${JSON.stringify(answer.errors)}`);
          if (got !== want) failures.push(`${where}: expected ${want}, got ${got} ${JSON.stringify(answer.errors ?? []).slice(0, 300)}`);
          if (got !== 'data' && answer.data && (answer.data as Record<string, unknown>)[field.name] != null) failures.push(`${where}: refused yet returned data`);
          if (caller === 'dealer05') {
            const leaks = foreignDealerLeaks(answer.data, fx);
            if (leaks.length) failures.push(`${where}: another dealer's data came back: ${leaks.slice(0, 5).join(', ')}`);
          }
        }
      }
    }
    // every root field is executed at least once, so ACCESS_UNDECLARED could not hide behind "not-run"
    expect(fields.map((f) => f.field.name).filter((n) => !executedFields.has(n))).toEqual([]);
    expect(failures).toEqual([]);
    const scopes = new Set(fields.flatMap((f) => ROOT_FIELD_CASES[f.field.name]?.scopes ?? []));
    process.stdout.write(
      `access matrix: ${ROLES.length + 1} callers (${ROLES.length} roles + anonymous) × ${fields.length} root operations ` +
        `(${fields.filter((f) => f.op === 'query').length} queries, ${fields.filter((f) => f.op === 'mutation').length} mutations) × ` +
        `${scopes.size} scope kinds → ${checked} cells checked, ${executed} requests executed, ${checked - executed} mutation cells not run (would change data)\n`,
    );
  }, 180_000);
});
