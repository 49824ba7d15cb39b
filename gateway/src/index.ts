export { identitySubgraph, IdentityAppModule } from './identity/identity-app.module';
export { loadGatewayConfig, SUBGRAPH_NAMES } from './config/gateway-config';
export type { GatewayConfig } from './config/gateway-config';
export { startGatewayServer, SUPERGRAPH_PATH } from './server/gateway-server';
export type { GatewayServer } from './server/gateway-server';
