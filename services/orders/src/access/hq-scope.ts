import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Caller, dataScopeOf, DomainError } from '@lianxiao/platform';

/**
 * Narrows an HQ-only table with `ownerId` and `region` columns to the caller's scope:
 * reps their own rows, supervisors their region, company-wide roles everything. Dealer staff
 * never read orders data.
 */
export function applyHqScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, caller: Caller | null): SelectQueryBuilder<T> {
  const scope = dataScopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return qb;
    case 'region':
      return qb.andWhere(`${alias}.region = :scopeRegion`, { scopeRegion: scope.region });
    case 'owner':
      return qb.andWhere(`${alias}.ownerId = :scopeOwner`, { scopeOwner: scope.userId });
    case 'dealer':
      throw DomainError.forbidden('access to headquarters orders data', '访问总部订单数据');
    case 'none':
      return qb.andWhere('1 = 0');
  }
}
