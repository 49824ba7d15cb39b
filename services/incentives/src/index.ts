import type { SubgraphDescriptor } from '@lianxiao/platform';
import { IncentivesAppModule, INCENTIVES_ENTITIES } from './app.module';
import { migrations } from './migrations';

export const incentivesSubgraph: SubgraphDescriptor = {
  name: 'incentives',
  defaultPort: 4004,
  appModule: (config) => IncentivesAppModule.forRoot(config),
  entities: INCENTIVES_ENTITIES,
  migrations,
};
