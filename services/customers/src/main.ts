import { runServiceMain, startTelemetry } from '@lianxiao/platform';
import { customersSubgraph } from './index';

startTelemetry('customers');
runServiceMain(customersSubgraph);
