import { errorCodes, gql, graphqlUrl, tokenFor } from '@lianxiao/testing';

const FUNNEL = '{ salesFunnel { total stages { stage count reached conversionToNext } } }';
const HEATMAP = 'query($f: AnalyticsFilter) { stageHeatmap(dimension: REGION, filter: $f) { keys cells { stage key count } } }';

describe('sales analytics through the gateway', () => {
  it('counts the same customers in the funnel as the customer list, per caller scope', async () => {
    for (const user of ['director', 'supervisor.east', 'rep.east1']) {
      const token = await tokenFor(user);
      const [funnel, list] = await Promise.all([
        gql<{ salesFunnel: { total: number; stages: { count: number }[] } }>(FUNNEL, {}, token),
        gql<{ customers: { totalCount: number } }>('{ customers(first: 1) { totalCount } }', {}, token),
      ]);
      expect(funnel.errors).toBeUndefined();
      expect(funnel.data!.salesFunnel.total).toBe(list.data!.customers.totalCount);
      expect(funnel.data!.salesFunnel.stages.reduce((s, x) => s + x.count, 0)).toBe(funnel.data!.salesFunnel.total);
    }
  });

  it('shows a supervisor only their region in the heatmap, and refuses dealers and other departments', async () => {
    const east = await gql<{ stageHeatmap: { keys: string[] } }>(HEATMAP, {}, await tokenFor('supervisor.east'));
    expect(east.data!.stageHeatmap.keys).toEqual(['华东']);
    expect(errorCodes(await gql(FUNNEL, {}, await tokenFor('dealer05')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(FUNNEL, {}, await tokenFor('engineer')))).toEqual(['FORBIDDEN']);
  });

  it('drills from a heatmap cell to its customers and their follow-ups and stage moves, keeping the filters', async () => {
    const token = await tokenFor('director');
    const heat = await gql<{ stageHeatmap: { cells: { stage: string; key: string; count: number }[] } }>(HEATMAP, { f: { industry: null } }, token);
    const cell = heat.data!.stageHeatmap.cells.filter((c) => c.count > 0).sort((a, b) => b.count - a.count)[0];
    const drill = await gql<{ analyticsCustomers: { totalCount: number; nodes: { region: string; stage: string; followUps: { id: string }[]; stageTransitions: { toStage: string }[] }[] } }>(
      'query($f: AnalyticsFilter, $s: String) { analyticsCustomers(filter: $f, stage: $s, first: 200) { totalCount nodes { region stage followUps(first: 5) { id } stageTransitions { toStage } } } }',
      { f: { region: cell.key }, s: cell.stage }, token);
    expect(drill.errors).toBeUndefined();
    expect(drill.data!.analyticsCustomers.totalCount).toBe(cell.count);
    for (const c of drill.data!.analyticsCustomers.nodes) expect(c).toMatchObject({ region: cell.key, stage: cell.stage });
  });

  it('lists at most five overdue customers, most overdue first, and words above the threshold', async () => {
    const token = await tokenFor('director');
    const answer = await gql<{ overdueCustomers: { daysOverdue: number }[]; obstacleWordCloud: { word: string; count: number }[] }>(
      '{ overdueCustomers { daysOverdue customer { name } } obstacleWordCloud { word count } }', {}, token);
    expect(answer.errors).toBeUndefined();
    const days = answer.data!.overdueCustomers.map((o) => o.daysOverdue);
    expect(days.length).toBeLessThanOrEqual(5);
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    for (const w of answer.data!.obstacleWordCloud) expect(w.count).toBeGreaterThan(3);
  });

  it('generates the weekly PDF for the director with progress, and refuses a rep', async () => {
    const base = graphqlUrl().replace(/\/graphql$/, '');
    const rep = await fetch(`${base}/reports/weekly`, { method: 'POST', headers: { authorization: `Bearer ${await tokenFor('rep.east1')}` } });
    expect(rep.status).toBe(403);
    const auth = { authorization: `Bearer ${await tokenFor('director')}` };
    const started = await fetch(`${base}/reports/weekly`, { method: 'POST', headers: auth });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let status = 'RUNNING';
    for (let i = 0; i < 120 && status === 'RUNNING'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = ((await (await fetch(`${base}/reports/weekly/${id}`, { headers: auth })).json()) as { status: string }).status;
    }
    expect(status).toBe('DONE');
    const pdf = await fetch(`${base}/reports/weekly/${id}/pdf`, { headers: auth });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
