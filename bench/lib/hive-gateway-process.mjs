// The peer gateway for bench:gateway: @graphql-hive/gateway's runtime on the same supergraph,
// forwarding the caller assertion header to the subgraphs (they refuse requests without it).
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const gateway = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_SDL,
  logging: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ 'x-lianxiao-caller': request.headers.get('x-lianxiao-caller') ?? '' }),
  },
});
const server = http.createServer(gateway);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.HIVE_PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
