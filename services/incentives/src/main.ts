import { runServiceMain } from '@lianxiao/platform';
import { incentivesSubgraph } from './index';

runServiceMain(incentivesSubgraph);
