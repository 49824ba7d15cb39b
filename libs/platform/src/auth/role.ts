export const Role = {
  ADMIN: 'ADMIN',
  DIRECTOR: 'DIRECTOR',
  SUPERVISOR: 'SUPERVISOR',
  REP: 'REP',
  ENGINEER: 'ENGINEER',
  PROCUREMENT: 'PROCUREMENT',
  PRODUCTION: 'PRODUCTION',
  LEGAL: 'LEGAL',
  FINANCE: 'FINANCE',
  DEALER: 'DEALER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);
/** Everyone at headquarters: every role but dealer staff. */
export const HQ_ROLES: readonly Role[] = ALL_ROLES.filter((r) => r !== Role.DEALER);
/** Roles that see the whole company's data without a region or owner filter. */
export const COMPANY_WIDE_ROLES: readonly Role[] = [Role.ADMIN, Role.DIRECTOR];
