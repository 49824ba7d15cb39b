import { gql, graphqlUrl, tokenFor } from '@lianxiao/testing';

/** The value of one sample line of a Prometheus text exposition, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const close = line.lastIndexOf('}');
    const body = line.slice(name.length + 1, close);
    const found = Object.fromEntries([...body.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(close + 1).trim());
  }
  return 0;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('/metrics (Prometheus) on the gateway', () => {
  const metricsUrl = new URL('/metrics', graphqlUrl()).toString();

  it('counts GraphQL operations, their latency and their errors by operation type', async () => {
    const before = await scrape(metricsUrl);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    const ok = { service: 'gateway', operation_type: 'query', outcome: 'ok' };
    const failed = { service: 'gateway', operation_type: 'query', outcome: 'error' };
    const token = await tokenFor('admin');
    const answer = await gql('query MetricsProbe { __typename }', {}, token);
    expect(answer.errors).toBeUndefined();
    // Not signed in: refused with an error code.
    const refused = await gql('query MetricsProbeAnonymous { customers(first: 1) { totalCount } }');
    expect(refused.errors?.length).toBeGreaterThan(0);

    const after = await scrape(metricsUrl);
    expect(sample(after.text, 'lianxiao_graphql_operations_total', ok)).toBeGreaterThan(sample(before.text, 'lianxiao_graphql_operations_total', ok));
    expect(sample(after.text, 'lianxiao_graphql_operations_total', failed)).toBeGreaterThan(sample(before.text, 'lianxiao_graphql_operations_total', failed));
    expect(
      sample(after.text, 'lianxiao_graphql_operation_duration_seconds_count', { service: 'gateway', operation_type: 'query' }),
    ).toBeGreaterThan(sample(before.text, 'lianxiao_graphql_operation_duration_seconds_count', { service: 'gateway', operation_type: 'query' }));
    const http = { service: 'gateway', route: '/graphql', method: 'POST', status: '2xx' };
    expect(sample(after.text, 'lianxiao_http_requests_total', http)).toBeGreaterThanOrEqual(sample(before.text, 'lianxiao_http_requests_total', http) + 2);
    expect(after.text).toContain('lianxiao_graphql_errors_total{service="gateway",operation_type="query",code="');
    expect(after.text).toContain('process_resident_memory_bytes');
  });

  it('is not served to a request relayed by a proxy without the metrics token', async () => {
    const relayed = await scrape(metricsUrl, { 'x-forwarded-for': '203.0.113.7' });
    expect(relayed.status).toBe(403);
    expect(relayed.text).not.toContain('lianxiao_');
  });
});
