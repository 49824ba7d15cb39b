import type { DataScope } from '@lianxiao/platform';

/** Column equalities that narrow customers to a caller's scope; `{}` means every customer. */
export interface CustomerScopeWhere {
  region?: string;
  ownerId?: string;
}

/**
 * Customers a data scope may see: all, one region (supervisor) or own (rep). Dealer staff and
 * callers without a usable scope get `null`: no customer at all, customers are HQ data.
 */
export function customerScopeWhere(scope: DataScope): CustomerScopeWhere | null {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'region':
      return { region: scope.region };
    case 'owner':
      return { ownerId: scope.userId };
    default:
      return null;
  }
}

/** Whether one customer (as stored, or as it would be after a write) lies inside the scope. */
export function isCustomerInScope(where: CustomerScopeWhere | null, customer: { region?: string | null; ownerId?: string | null }): boolean {
  if (!where) return false;
  if (where.region !== undefined && customer.region !== where.region) return false;
  if (where.ownerId !== undefined && customer.ownerId !== where.ownerId) return false;
  return true;
}
