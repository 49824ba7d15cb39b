import { Caller, dataScopeOf, DomainError } from '@lianxiao/platform';

/** A dealer's points are for that dealer's own staff and for HQ; never for another dealer. */
export function mayReadDealerPoints(caller: Caller | null | undefined, dealerId: string): boolean {
  const scope = dataScopeOf(caller);
  if (scope.kind === 'dealer') return scope.dealerId === dealerId;
  return scope.kind !== 'none';
}

export function assertMayReadDealerPoints(caller: Caller | null | undefined, dealerId: string): void {
  if (!mayReadDealerPoints(caller, dealerId)) throw DomainError.forbidden("reading another dealer's points", '查看其他经销商的积分');
}
