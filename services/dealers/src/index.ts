import type { SubgraphDescriptor } from '@lianxiao/platform';
import { DealersAppModule, DEALERS_ENTITIES } from './app.module';
import { migrations } from './migrations';

export const dealersSubgraph: SubgraphDescriptor = {
  name: 'dealers',
  defaultPort: 4003,
  appModule: (config) => DealersAppModule.forRoot(config),
  entities: DEALERS_ENTITIES,
  migrations,
};
