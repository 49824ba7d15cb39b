import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Caller, dataScopeOf, DomainError } from '@lianxiao/platform';

/**
 * Customer-level finance rows (statements, alerts) carry a region but no owner: supervisors see
 * their region, company-wide roles (finance included) everything, reps none, dealers are refused.
 */
export function applyRegionScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, caller: Caller | null): SelectQueryBuilder<T> {
  const scope = dataScopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return qb;
    case 'region':
      return qb.andWhere(`${alias}.region = :scopeRegion`, { scopeRegion: scope.region });
    case 'dealer':
      throw DomainError.forbidden('access to headquarters finance data', '访问总部财务数据');
    case 'owner':
    case 'none':
      return qb.andWhere('1 = 0');
  }
}
