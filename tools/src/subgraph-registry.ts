import type { SubgraphDescriptor } from '@lianxiao/platform';

/**
 * Every subgraph by name, loaded lazily: tools (embedded host, SDL printer, migrations) are the
 * only code allowed to know all services; services never import each other.
 */
export const SUBGRAPH_LOADERS: Record<string, () => SubgraphDescriptor> = {
  identity: () => require('@lianxiao/gateway').identitySubgraph,
  customers: () => require('@lianxiao/customers').customersSubgraph,
  orders: () => require('@lianxiao/orders').ordersSubgraph,
  dealers: () => require('@lianxiao/dealers').dealersSubgraph,
  incentives: () => require('@lianxiao/incentives').incentivesSubgraph,
};

export const SUBGRAPH_ORDER = ['identity', 'customers', 'orders', 'dealers', 'incentives'] as const;
export type SubgraphName = (typeof SUBGRAPH_ORDER)[number];

export function loadSubgraph(name: string): SubgraphDescriptor {
  const loader = SUBGRAPH_LOADERS[name];
  if (!loader) throw new Error(`unknown subgraph "${name}"; known: ${Object.keys(SUBGRAPH_LOADERS).join(', ')}`);
  return loader();
}
