/**
 * The vocabulary of the generated access test (access-matrix.e2e.ts): roles, scopes, outcomes and the
 * common expectation shapes. Each subgraph's root fields have their cases in a file of their own here.
 */
export const ROLES = ['director', 'admin', 'supervisor.east', 'rep.east1', 'engineer', 'production', 'finance', 'legal', 'procurement', 'dealer05'] as const;
export type Role = (typeof ROLES)[number];
export type Caller = Role | 'anonymous';

/**
 * What a call must end in: data for the root field, 'null' (no data and no error: a nullable root field
 * that finds nothing in the caller's scope), a root-level error code, or not run (would change data).
 */
export type Outcome = 'data' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'INVALID_CREDENTIALS' | 'INVALID_REFRESH_TOKEN' | 'BAD_USER_INPUT' | 'VALIDATION_FAILED' | 'not-run';
/** The scopes a root field is run against. */
/** east / south: a record belonging to rep.east1's / rep.south1's customer (or that user), i.e. in and outside region east. */
export type Scope = 'list' | 'ownDealer' | 'otherDealer' | 'east' | 'south' | 'probe';
export type Expect = Outcome | Partial<Record<Scope, Outcome>>;
export interface FieldCase {
  scopes: Scope[];
  /** Role classes; a username key overrides its class. Anonymous callers default to UNAUTHENTICATED. */
  expect: Partial<Record<'hq' | 'supervisor' | 'rep' | 'staff' | 'dealer' | Caller, Expect>>;
  /** Argument values that replace the generated ones, e.g. a probe input that is refused without changing anything. */
  args?: Record<string, unknown>;
  /**
   * agreementDiff: 'data' needs an agreement version on the scope's ticket; a seed without one answers
   * NOT_FOUND (no such version) in scope — outside the scope it is NOT_FOUND (the ticket) either way.
   */
  needsAgreementVersion?: boolean;
}

export const CLASS_OF: Record<Role, 'hq' | 'supervisor' | 'rep' | 'staff' | 'dealer'> = {
  director: 'hq', admin: 'hq', 'supervisor.east': 'supervisor', 'rep.east1': 'rep',
  engineer: 'staff', production: 'staff', finance: 'staff', legal: 'staff', procurement: 'staff', dealer05: 'dealer',
};

export const EVERYONE_SIGNED_IN = { hq: 'data', supervisor: 'data', rep: 'data', staff: 'data', dealer: 'data' } as const;
export const DEALER_SCOPED = { hq: 'data', supervisor: 'data', rep: 'data', staff: 'data', dealer: { ownDealer: 'data', otherDealer: 'FORBIDDEN' } } as const;
export const HQ_ONLY = { hq: 'data', supervisor: 'data', rep: 'data', staff: 'data', dealer: 'FORBIDDEN' } as const;
/** Supervisor east and rep.east1 reach east records only (NOT_FOUND outside, never the data); HQ functions all. */
export const REGION_SCOPED = {
  hq: 'data', staff: 'data', dealer: 'FORBIDDEN',
  supervisor: { east: 'data', south: 'NOT_FOUND' }, rep: { east: 'data', south: 'NOT_FOUND' },
} as const;
/** Mutations that would change data for roles allowed to run them are not executed for those roles. */
export const NOT_RUN_FOR_HQ = { hq: 'not-run', supervisor: 'not-run', rep: 'not-run', staff: 'not-run' } as const;
/** Sales mutations (@Allow REP, SUPERVISOR, DIRECTOR, ADMIN): not run for sales roles, executed and refused for the HQ functions and dealers. */
export const SALES_MUTATION = { hq: 'not-run', supervisor: 'not-run', rep: 'not-run', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } as const;
/** Refused for everyone except the listed roles, for which the mutation is not run. */
export const ONLY = (...allowed: Role[]): FieldCase['expect'] => ({
  hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN',
  ...Object.fromEntries(allowed.map((r) => [r, 'not-run'])),
});
/** Dealer-scoped reads where the list itself is scoped: dealer staff their own dealer only, HQ any. */
export const DEALER_LIST_SCOPED = { hq: 'data', supervisor: 'data', rep: 'data', staff: 'data', dealer: { list: 'data', ownDealer: 'data', otherDealer: 'FORBIDDEN' } } as const;
/** The seeded annual targets (demo world: every dealer has one for 2026). */
export const TARGET_YEAR = 2026;

