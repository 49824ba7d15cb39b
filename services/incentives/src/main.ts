import { runServiceMain, startTelemetry } from '@lianxiao/platform';
import { incentivesSubgraph } from './index';

startTelemetry('incentives');
runServiceMain(incentivesSubgraph);
