export type Role =
  | 'ADMIN'
  | 'DIRECTOR'
  | 'SUPERVISOR'
  | 'REP'
  | 'ENGINEER'
  | 'PROCUREMENT'
  | 'PRODUCTION'
  | 'LEGAL'
  | 'FINANCE'
  | 'DEALER';

/** Roles of manufacturer (headquarters) staff: everyone except dealer users. */
export const HQ_ROLES: readonly Role[] = [
  'ADMIN',
  'DIRECTOR',
  'SUPERVISOR',
  'REP',
  'ENGINEER',
  'PROCUREMENT',
  'PRODUCTION',
  'LEGAL',
  'FINANCE',
];

export interface Viewer {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  region: string | null;
  dealer: { id: string; code: string; name: string } | null;
}
