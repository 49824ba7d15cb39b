import type { SubgraphDescriptor } from '@lianxiao/platform';
import { CustomersAppModule, CUSTOMERS_ENTITIES } from './app.module';
import { migrations } from './migrations';

export const customersSubgraph: SubgraphDescriptor = {
  name: 'customers',
  defaultPort: 4001,
  appModule: (config) => CustomersAppModule.forRoot(config),
  entities: CUSTOMERS_ENTITIES,
  migrations,
};
