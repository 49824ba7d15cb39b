import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWeeklyReport } from './weekly-report.jobs';
import { GraphQLFetch, REPORT_STEPS } from './weekly-report.data';
import { REPORT_TITLES } from './weekly-report.document';

/** Answers the report's queries from a fixture, as the gateway would; DSO is "not in this deployment". */
const fixture: GraphQLFetch = async (query) => {
  if (query.includes('salesFunnel')) {
    const stages = [['LEAD', '线索', 80], ['INQUIRY', '询价', 65], ['SAMPLING', '打样', 50], ['TRIAL', '试产', 30]] as const;
    return { data: { salesFunnel: {
      total: 225,
      stages: stages.map(([stage, nameZh, count], i) => ({ stage, nameZh, count, reached: 225 - i * 40, conversionToNext: i < 3 ? 0.7 : null, averageDaysInStage: 12.5, p90DaysInStage: 30 })),
      regionConversions: [{ region: '华东', stage: 'SAMPLING', toStage: 'TRIAL', conversion: 0.19, overallConversion: 0.32, belowAverage: true }],
    } } };
  }
  if (query.includes('overdueCustomers')) return { data: { overdueCustomers: [{ daysOverdue: 12, customer: { name: '苏州华恒精密有限公司', ownerName: '王磊', region: '华东', stage: 'SAMPLING', nextActionDate: '2026-11-08' } }] } };
  if (query.includes('alerts')) return { data: { alerts: { totalCount: 1, nodes: [{ titleZh: '客户 14 天未跟进', severity: 'HIGH', subjectName: '宁波鑫盛科技有限公司', raisedAt: '2026-11-20T00:00:00Z' }] } } };
  if (query.includes('dsoTrend')) return { errors: [{ message: 'Cannot query field "dsoTrend"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  if (query.includes('networkAttainment')) return { data: { networkAttainment: [
    { dealerCode: 'D01', dealerName: '南京联信工贸有限公司', region: '华东', annualTarget: 8_000_000, yearToDateActual: 6_120_000, yearRate: 0.765, yearToDateRate: 0.8345, currentMonth: { period: 'M11', target: 700_000, actual: 430_000, rate: 0.6143 } },
    { dealerCode: 'D02', dealerName: '杭州恒通五金有限公司', region: '华东', annualTarget: 5_000_000, yearToDateActual: 2_000_000, yearRate: 0.4, yearToDateRate: 0.4364, currentMonth: null },
  ] } };
  return { errors: [{ message: 'unexpected' }] };
};

describe('weekly PDF report', () => {
  it('renders the Chinese sections, read back with pdftotext, and notes what it left out', async () => {
    const steps: string[] = [];
    const { pdf, notes } = await generateWeeklyReport(fixture, (s) => steps.push(s));
    expect(steps).toEqual([...REPORT_STEPS]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-report-')), 'report.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const title of [REPORT_TITLES.title, REPORT_TITLES.funnel, REPORT_TITLES.conversion, REPORT_TITLES.overdue, REPORT_TITLES.alerts, REPORT_TITLES.dso, REPORT_TITLES.dealers]) {
      expect(text).toContain(title);
    }
    expect(text).toContain('苏州华恒精密有限公司');
    expect(text).toContain('华东 SAMPLING → TRIAL：19.0%（平均 32.0%）');
    // Dealer attainment: the weakest dealer first, with target and sell-through in 万元 and the rates.
    expect(text).toMatch(/D02\s+杭州恒通五金有限公司\s+华东\s+500\s+200\s+40%\s+44%/);
    expect(text).toMatch(/D01\s+南京联信工贸有限公司\s+华东\s+800\s+612\s+77%\s+83%\s+61%/);
    expect(text.indexOf('D02')).toBeLessThan(text.indexOf('D01'));
    expect(notes).toEqual(['DSO 回款天数：未包含（GRAPHQL_VALIDATION_FAILED）']);
  }, 30_000);
});
