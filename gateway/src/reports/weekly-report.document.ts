import type { PdfDocument } from '@lianxiao/platform';
import type { WeeklyReportData } from './weekly-report.data';

/** Section titles; the PDF test reads them back with pdftotext. */
export const REPORT_TITLES = {
  title: '联销销售周报',
  funnel: '一、销售漏斗',
  conversion: '二、阶段转化率',
  overdue: '三、逾期客户 Top 5',
  alerts: '四、预警',
  dso: '五、DSO 回款天数',
  dealers: '六、经销商目标达成',
} as const;

type Content = PdfDocument['content'];
const BAR_WIDTH = 260;
const BLUE = '#1677ff';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : v.toFixed(digits));

/** A horizontal bar drawn with pdfmake's vector canvas (no DOM, no raster). */
function bar(value: number, max: number, color = BLUE): Content {
  const w = max > 0 ? Math.max(1, (BAR_WIDTH * value) / max) : 1;
  return { canvas: [{ type: 'rect', x: 0, y: 2, w, h: 10, color }] } as Content;
}

/** A line chart of DSO points (vector polyline with month labels). */
function lineChart(points: { month: string; dso: number | null }[]): Content {
  const valid = points.filter((p) => p.dso !== null) as { month: string; dso: number }[];
  if (valid.length < 1) return { text: '暂无 DSO 数据', color: '#888' };
  const width = 440;
  const height = 110;
  const max = Math.max(...valid.map((p) => p.dso)) * 1.15 || 1;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const xy = points.map((p, i) => (p.dso === null ? null : { x: 20 + i * step, y: height - (p.dso / max) * (height - 10) })).filter(Boolean) as { x: number; y: number }[];
  return {
    stack: [
      { canvas: [
        { type: 'line', x1: 20, y1: height, x2: 20 + width, y2: height, lineWidth: 0.5, lineColor: '#999' },
        ...(xy.length > 1 ? [{ type: 'polyline', lineWidth: 2, lineColor: BLUE, points: xy }] : []),
        ...xy.map((p) => ({ type: 'ellipse', x: p.x, y: p.y, r1: 2.5, r2: 2.5, color: BLUE })),
      ] },
      { columns: points.map((p) => ({ text: `${p.month.slice(2)}\n${num(p.dso, 0)} 天`, fontSize: 7, alignment: 'center' })), margin: [0, 4, 0, 0] },
    ],
  } as Content;
}

export function weeklyReportDocument(data: WeeklyReportData): PdfDocument {
  const content: Content[] = [];
  const date = data.generatedAt.toISOString().slice(0, 10);
  content.push({ text: REPORT_TITLES.title, style: 'title' }, { text: `生成日期 ${date}`, color: '#666', margin: [0, 0, 0, 10] });

  content.push({ text: REPORT_TITLES.funnel, style: 'h2' });
  if (data.funnel) {
    const max = Math.max(...data.funnel.stages.map((s) => s.count), 1);
    content.push({
      table: { widths: [70, BAR_WIDTH + 4, 40, 60], body: [
        [{ text: '阶段', bold: true }, { text: '当前客户数', bold: true }, { text: '客户', bold: true }, { text: '平均停留天', bold: true }],
        ...data.funnel.stages.map((s) => [s.nameZh, bar(s.count, max), String(s.count), num(s.averageDaysInStage)]),
      ] },
      layout: 'lightHorizontalLines',
    } as Content, { text: `客户合计 ${data.funnel.total}`, margin: [0, 4, 0, 0] });
  }

  content.push({ text: REPORT_TITLES.conversion, style: 'h2' });
  if (data.funnel) {
    content.push({
      table: { headerRows: 1, widths: ['*', 60, 60, 70], body: [
        [{ text: '阶段 → 下一阶段', bold: true }, { text: '到达', bold: true }, { text: '转化率', bold: true }, { text: 'P90 停留天', bold: true }],
        ...data.funnel.stages.slice(0, -1).map((s, i) => [`${s.nameZh} → ${data.funnel!.stages[i + 1].nameZh}`, String(s.reached), pct(s.conversionToNext), num(s.p90DaysInStage, 0)]),
      ] },
      layout: 'lightHorizontalLines',
    } as Content);
    const low = data.funnel.regionConversions.filter((r) => r.belowAverage);
    if (low.length) {
      content.push({ text: '显著低于平均的区域：', bold: true, margin: [0, 6, 0, 2] }, {
        ul: low.map((r) => ({ text: `${r.region} ${r.stage} → ${r.toStage}：${pct(r.conversion)}（平均 ${pct(r.overallConversion)}）`, color: '#cf1322' })),
      } as Content);
    }
  }

  content.push({ text: REPORT_TITLES.overdue, style: 'h2' });
  if (data.overdue) {
    content.push(data.overdue.length ? {
      table: { headerRows: 1, widths: ['*', 50, 60, 70, 50], body: [
        [{ text: '客户', bold: true }, { text: '区域', bold: true }, { text: '负责人', bold: true }, { text: '计划跟进日', bold: true }, { text: '逾期天', bold: true }],
        ...data.overdue.map((o) => [o.customer.name, o.customer.region, o.customer.ownerName ?? '', o.customer.nextActionDate ?? '', String(o.daysOverdue)]),
      ] },
      layout: 'lightHorizontalLines',
    } as Content : { text: '没有逾期客户' });
  }

  content.push({ text: REPORT_TITLES.alerts, style: 'h2' });
  if (data.alerts) {
    content.push({ text: `未处理预警 ${data.alerts.totalCount} 条`, margin: [0, 0, 0, 4] });
    if (data.alerts.nodes.length) content.push({ ul: data.alerts.nodes.map((a) => `[${a.severity}] ${a.titleZh} — ${a.subjectName}`) } as Content);
  }

  content.push({ text: REPORT_TITLES.dso, style: 'h2' });
  const total = data.dso?.find((s) => s.key === 'TOTAL') ?? data.dso?.[0];
  content.push(total ? lineChart(total.points) : { text: '本部署暂无 DSO 数据（见文末说明）', color: '#888' });

  content.push({ text: REPORT_TITLES.dealers, style: 'h2' });
  if (data.dealers) {
    const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(0)}%`);
    const wan = (amount: number | null) => (amount === null ? '—' : (amount / 10_000).toFixed(0));
    // Weakest first: the director reads who is behind the months' targets so far.
    const rows = [...data.dealers].sort((a, b) => (a.yearToDateRate ?? Infinity) - (b.yearToDateRate ?? Infinity));
    const bar = (rate: number | null) => (rate === null ? '—' : { canvas: [
      { type: 'rect', x: 0, y: 2, w: 50, h: 8, color: '#f0f0f0' },
      { type: 'rect', x: 0, y: 2, w: Math.max(1, Math.min(50, rate * 50)), h: 8, color: rate >= 1 ? '#52c41a' : rate >= 0.8 ? '#faad14' : '#f5222d' },
    ] });
    content.push({
      table: { headerRows: 1, widths: [26, '*', 26, 40, 40, 30, 30, 56, 30], body: [
        ['编号', '经销商', '区域', '年目标万', '实销万', '年达成', '至今达成', '', '本月'].map((text) => ({ text, bold: true, fontSize: 8 })),
        ...rows.slice(0, 37).map((d) => [d.dealerCode ?? '—', { text: d.dealerName ?? '—', fontSize: 8 }, d.region ?? '—', wan(d.annualTarget), wan(d.yearToDateActual), pct(d.yearRate),
          pct(d.yearToDateRate), bar(d.yearToDateRate), pct(d.currentMonth?.rate ?? null)]),
      ] },
      layout: 'lightHorizontalLines',
      fontSize: 9,
    } as Content, { text: '达成 = 分销回执实销 ÷ 目标；“至今达成”按已过月份的分解目标计算，由低到高排列。', color: '#888', fontSize: 8, margin: [0, 4, 0, 0] });
  }

  if (data.notes.length) content.push({ text: '说明', style: 'h2' }, { ul: [...data.notes], color: '#888' } as Content);

  return {
    info: { title: `${REPORT_TITLES.title} ${date}` },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    content: content as PdfDocument['content'],
    styles: { title: { fontSize: 20, bold: true }, h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] } },
    defaultStyle: { fontSize: 10 },
  };
}
