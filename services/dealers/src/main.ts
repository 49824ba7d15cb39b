import { runServiceMain } from '@lianxiao/platform';
import { dealersSubgraph } from './index';

runServiceMain(dealersSubgraph);
