import { runServiceMain } from '@lianxiao/platform';
import { customersSubgraph } from './index';

runServiceMain(customersSubgraph);
