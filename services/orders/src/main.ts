import { runServiceMain } from '@lianxiao/platform';
import { ordersSubgraph } from './index';

runServiceMain(ordersSubgraph);
