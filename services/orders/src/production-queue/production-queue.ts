import { priorityOf, PriorityBreakdown } from '../contract/priority';
import type { Contract } from '../contract/contract.entity';

export interface QueueEntry<C> {
  rank: number;
  contract: C;
  priority: PriorityBreakdown;
}

/**
 * The capacity queue: highest priority score first; equal scores keep the earlier signature
 * first (first come, first served), then the contract number.
 */
export function rankByPriority<C extends Pick<Contract, 'grossMargin' | 'urgency' | 'customerHealth' | 'signedAt' | 'number'>>(contracts: readonly C[]): QueueEntry<C>[] {
  return contracts
    .map((contract) => ({ contract, priority: priorityOf(contract.grossMargin, contract.urgency, contract.customerHealth) }))
    .sort(
      (a, b) =>
        b.priority.score - a.priority.score ||
        (a.contract.signedAt?.getTime() ?? 0) - (b.contract.signedAt?.getTime() ?? 0) ||
        a.contract.number.localeCompare(b.contract.number),
    )
    .map((e, i) => ({ rank: i + 1, ...e }));
}
