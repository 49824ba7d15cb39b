// Container health probe: GET /health on this process's own port (HTTP 200 when its database is up).
const DEFAULT_PORTS = { gateway: 3000, customers: 4001, orders: 4002, dealers: 4003, incentives: 4004 };
const port = process.env.PORT || DEFAULT_PORTS[process.env.SERVICE] || 3000;
try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
