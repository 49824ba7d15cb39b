import { runServiceMain, startTelemetry } from '@lianxiao/platform';
import { dealersSubgraph } from './index';

startTelemetry('dealers');
runServiceMain(dealersSubgraph);
