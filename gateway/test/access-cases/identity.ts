/** Access cases for the identity subgraph's root fields. */
import { FieldCase, EVERYONE_SIGNED_IN, NOT_RUN_FOR_HQ, ONLY } from './kit';

export const IDENTITY_CASES: Record<string, FieldCase> = {
  me: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  /** The user list: admin and director only. */
  users: { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } },
  /** One user (owner names): any HQ role; dealer staff get null (nullable field, nothing in scope). */
  user: { scopes: ['east', 'south'], expect: { hq: 'data', supervisor: 'data', rep: 'data', staff: 'data', dealer: 'null' } },
  /** Public: a wrong password / unknown refresh token is refused with its own code, for anyone. */
  login: { scopes: ['probe'], expect: { ...NOT_RUN_FOR_HQ, dealer: 'INVALID_CREDENTIALS', anonymous: 'INVALID_CREDENTIALS' } },
  refreshToken: { scopes: ['probe'], expect: { ...NOT_RUN_FOR_HQ, dealer: 'INVALID_REFRESH_TOKEN', anonymous: 'INVALID_REFRESH_TOKEN' } },
  /** Signed-in only; logging out an unknown refresh token changes nothing. */
  logout: { scopes: ['probe'], expect: { ...NOT_RUN_FOR_HQ, dealer: 'data' } },
  /** User administration: admin only (not run for admin: it would change users); everyone else FORBIDDEN. */
  createUser: { scopes: ['probe'], expect: ONLY('admin') },
  updateUserAccess: { scopes: ['probe'], expect: ONLY('admin') },
  resetUserPassword: { scopes: ['probe'], expect: ONLY('admin') },
  setUserLocked: { scopes: ['probe'], expect: ONLY('admin') },
  /** A dealer's own accounts: dealer staff only, scoped to their dealer (the list holds no other dealer's account). */
  myDealerUsers: { scopes: ['list'], expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'data' } },
  /** Not run for dealer staff (it would add an account); refused for everyone at HQ. */
  createMyDealerUser: { scopes: ['probe'], expect: ONLY('dealer05') },
  /** Dealer staff: the probe id names no account (NOT_FOUND); HQ refused. */
  setMyDealerUserLocked: { scopes: ['probe'], expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'NOT_FOUND' } },
};
