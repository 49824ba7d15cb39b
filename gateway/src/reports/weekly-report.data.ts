/**
 * What the weekly report shows, fetched through the gateway's own /graphql with the requester's
 * token, so the report shows exactly what that person may see. Each section is fetched on its
 * own: a section whose query fails (or does not exist in this deployment) is left out with a
 * note instead of failing the whole report.
 */
export interface FunnelStageData {
  stage: string;
  nameZh: string;
  count: number;
  reached: number;
  conversionToNext: number | null;
  averageDaysInStage: number | null;
  p90DaysInStage: number | null;
}

export interface WeeklyReportData {
  generatedAt: Date;
  funnel: { total: number; stages: FunnelStageData[]; regionConversions: { region: string; stage: string; toStage: string; conversion: number | null; overallConversion: number | null; belowAverage: boolean }[] } | null;
  overdue: { daysOverdue: number; customer: { name: string; ownerName: string | null; region: string; stage: string; nextActionDate: string | null } }[] | null;
  alerts: { totalCount: number; nodes: { titleZh: string; severity: string; subjectName: string; raisedAt: string }[] } | null;
  dso: { key: string; label: string; points: { month: string; dso: number | null }[] }[] | null;
  /** networkAttainment: each dealer's annual target, sell-through so far and this month. */
  dealers: ReportDealerAttainment[] | null;
  notes: string[];
}

export type GraphQLFetch = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] }>;

export function graphqlFetcher(graphqlUrl: string, token: string): GraphQLFetch {
  return async (query, variables) => {
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': `weekly-report-${Date.now()}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Awaited<ReturnType<GraphQLFetch>>;
  };
}

export interface ReportDealerAttainment {
  dealerCode: string | null; dealerName: string | null; region: string | null;
  annualTarget: number | null; yearToDateActual: number; yearRate: number | null; yearToDateRate: number | null;
  currentMonth: { period: string; target: number; actual: number; rate: number | null } | null;
}

export const REPORT_STEPS = ['funnel', 'overdue', 'alerts', 'dso', 'dealers', 'pdf'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

function month(d: Date): string {
  return d.toISOString().slice(0, 7);
}

export async function fetchWeeklyReportData(fetchGql: GraphQLFetch, onStep: (step: ReportStep) => void, now = new Date()): Promise<WeeklyReportData> {
  const notes: string[] = [];
  const section = async <T>(step: ReportStep, label: string, query: string, pick: (d: Record<string, unknown>) => T, variables?: Record<string, unknown>): Promise<T | null> => {
    onStep(step);
    try {
      const answer = await fetchGql(query, variables);
      if (answer.errors?.length || !answer.data) {
        notes.push(`${label}：未包含（${answer.errors?.[0]?.extensions?.code ?? answer.errors?.[0]?.message ?? '无数据'}）`);
        return null;
      }
      return pick(answer.data);
    } catch (e) {
      notes.push(`${label}：未包含（${(e as Error).message}）`);
      return null;
    }
  };
  const funnel = await section('funnel', '销售漏斗', `{ salesFunnel { total stages { stage nameZh count reached conversionToNext averageDaysInStage p90DaysInStage } regionConversions { region stage toStage conversion overallConversion belowAverage } } }`, (d) => d.salesFunnel as WeeklyReportData['funnel']);
  const overdue = await section('overdue', '逾期客户', `{ overdueCustomers(first: 5) { daysOverdue customer { name ownerName region stage nextActionDate } } }`, (d) => d.overdueCustomers as WeeklyReportData['overdue']);
  const alerts = await section('alerts', '预警', `{ alerts(open: true, first: 10) { totalCount nodes { titleZh severity subjectName raisedAt } } }`, (d) => d.alerts as WeeklyReportData['alerts']);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  const dso = await section('dso', 'DSO 回款天数', `query($f: String!, $t: String!) { dsoTrend(fromMonth: $f, toMonth: $t) { key label points { month dso } } }`, (d) => d.dsoTrend as WeeklyReportData['dso'], { f: month(from), t: month(now) });
  const dealers = await section('dealers', '经销商目标达成',
    `query($y: Int!) { networkAttainment(year: $y) { dealerCode dealerName region annualTarget yearToDateActual yearRate yearToDateRate currentMonth { period target actual rate } } }`,
    (d) => d.networkAttainment as ReportDealerAttainment[], { y: now.getUTCFullYear() });
  return { generatedAt: now, funnel, overdue, alerts, dso, dealers, notes };
}
