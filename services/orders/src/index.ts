import type { SubgraphDescriptor } from '@lianxiao/platform';
import { OrdersAppModule, ORDERS_ENTITIES } from './app.module';
import { migrations } from './migrations';

export const ordersSubgraph: SubgraphDescriptor = {
  name: 'orders',
  defaultPort: 4002,
  appModule: (config) => OrdersAppModule.forRoot(config),
  entities: ORDERS_ENTITIES,
  migrations,
};
