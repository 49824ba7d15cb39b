import { runServiceMain, startTelemetry } from '@lianxiao/platform';
import { ordersSubgraph } from './index';

startTelemetry('orders');
runServiceMain(ordersSubgraph);
