import { Caller, dataScopeOf, DomainError } from '@lianxiao/platform';

export interface TicketOwnership {
  ownerId: string;
  region: string;
}

const regionRequired = () =>
  DomainError.validation([{ field: 'region', messageZh: '请填写客户所属区域', messageEn: "region (the customer's sales region) is required" }]);

/**
 * Who owns a new ticket and which region it counts in. Reps own their tickets in their region;
 * supervisors raise them in their own region only; company-wide roles name the region.
 */
export function ticketOwnership(caller: Caller, input: { ownerId?: string | null; region?: string | null }): TicketOwnership {
  const scope = dataScopeOf(caller);
  const askedRegion = input.region?.trim() || null;
  switch (scope.kind) {
    case 'owner': {
      if (input.ownerId && input.ownerId !== caller.userId) throw DomainError.forbidden('raising a ticket for another rep', '替其他销售员创建工单');
      const region = caller.region ?? askedRegion;
      if (!region) throw regionRequired();
      if (askedRegion && askedRegion !== region) throw DomainError.forbidden('raising a ticket outside your region', '在本区域以外创建工单');
      return { ownerId: caller.userId, region };
    }
    case 'region':
      if (askedRegion && askedRegion !== scope.region) throw DomainError.forbidden('raising a ticket outside your region', '在本区域以外创建工单');
      return { ownerId: input.ownerId ?? caller.userId, region: scope.region };
    case 'all':
      if (!askedRegion) throw regionRequired();
      return { ownerId: input.ownerId ?? caller.userId, region: askedRegion };
    default:
      throw DomainError.forbidden('raising requirement tickets', '创建需求工单');
  }
}

/** RT-2026-0001 after none, RT-2026-0042 after RT-2026-0041. */
export function nextTicketNumber(lastNumberOfYear: string | null, year: number): string {
  const last = lastNumberOfYear ? Number(lastNumberOfYear.slice(-4)) : 0;
  return `RT-${year}-${String(last + 1).padStart(4, '0')}`;
}

export const TICKET_NUMBER_PREFIX = (year: number) => `RT-${year}-`;
