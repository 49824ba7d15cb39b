import { Caller } from './caller';
import { Role } from './role';
import { DomainError } from '../errors/domain-error';

/**
 * Which rows of HQ data a caller may see: everything, one region, own records, or one dealer's.
 * Services turn this into a WHERE clause; never trust an id from the client for scope.
 */
export type DataScope =
  | { kind: 'all' }
  | { kind: 'region'; region: string }
  | { kind: 'owner'; userId: string }
  | { kind: 'dealer'; dealerId: string }
  | { kind: 'none' };

export function dataScopeOf(caller: Caller | null | undefined): DataScope {
  if (!caller) return { kind: 'none' };
  const roles = caller.roles;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.DIRECTOR)) return { kind: 'all' };
  if (roles.includes(Role.SUPERVISOR)) {
    return caller.region ? { kind: 'region', region: caller.region } : { kind: 'none' };
  }
  if (roles.includes(Role.REP)) return { kind: 'owner', userId: caller.userId };
  if (roles.includes(Role.DEALER)) return caller.dealerId ? { kind: 'dealer', dealerId: caller.dealerId } : { kind: 'none' };
  // Engineering, procurement, production, legal and finance work company-wide on their own tasks.
  return { kind: 'all' };
}

export function requireCaller(caller: Caller | null | undefined): Caller {
  if (!caller) throw DomainError.unauthenticated();
  return caller;
}

/** Refuses unless the caller may act for this dealer (HQ, or staff of that dealer). */
export function assertDealerAccess(caller: Caller | null | undefined, dealerId: string): void {
  const scope = dataScopeOf(caller);
  if (scope.kind === 'dealer' && scope.dealerId === dealerId) return;
  if (scope.kind !== 'dealer' && scope.kind !== 'none') return;
  throw DomainError.forbidden('access to another dealer\'s data', '访问其他经销商的数据');
}
