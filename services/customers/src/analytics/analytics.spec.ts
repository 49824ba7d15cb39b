import { DataSource } from 'typeorm';
import { Caller, Role } from '@lianxiao/platform';
import { Contact, Customer } from '../customer';
import { FollowUp, FollowUpType, StageTransition } from '../pipeline';
import { Stage, StageNode } from '../stage';
import { HeatmapDimension } from './analytics.dto';
import { AnalyticsService } from './analytics.service';
import { obstacleWordCounts } from './obstacle-words';
import { isPaymentRisk, paymentRiskFigures } from './payment-risk';

const STAGES = ['LEAD', 'INQUIRY', 'SAMPLING', 'QUOTATION', 'TRIAL', 'CONTRACT', 'DELIVERY'];
const director: Caller = { userId: 'u-director', username: 'director', roles: [Role.DIRECTOR] };
const supervisorEast: Caller = { userId: 'u-sup', username: 'supervisor.east', roles: [Role.SUPERVISOR], region: '华东' };
const rep: Caller = { userId: 'rep-a', username: 'rep.a', roles: [Role.REP], region: '华东' };
const DAY = 86_400_000;

/** region, industry, owner, stage, how many */
const FIXTURE: [string, string, string, string, number][] = [
  ['华东', '家电', 'rep-a', 'LEAD', 10], ['华东', '家电', 'rep-a', 'SAMPLING', 8], ['华东', '家电', 'rep-b', 'TRIAL', 1], ['华东', '医疗器械', 'rep-b', 'CONTRACT', 1],
  ['华南', '家电', 'rep-c', 'LEAD', 5], ['华南', '医疗器械', 'rep-c', 'SAMPLING', 3], ['华南', '医疗器械', 'rep-c', 'TRIAL', 4], ['华南', '家电', 'rep-c', 'DELIVERY', 3],
];

describe('analytics over a fixture', () => {
  let db: DataSource;
  let service: AnalyticsService;

  beforeAll(async () => {
    db = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Customer, Contact, Stage, StageNode, StageTransition, FollowUp], synchronize: true });
    await db.initialize();
    await db.getRepository(Stage).insert(STAGES.map((code, i) => ({ code, nameZh: code, nameEn: code, order: i + 1, optional: false, entryConditions: null, exitConditions: null })));
    let n = 0;
    const customers: Partial<Customer>[] = [];
    for (const [region, industry, ownerId, stage, count] of FIXTURE) {
      for (let k = 0; k < count; k++, n++) {
        customers.push({
          id: `c-${n}`, name: `客户${n}`, creditCode: String(n).padStart(18, '0'), industry, region, provinceCode: null, city: null, channel: 'PHONE',
          productLines: [n % 2 ? '五金件' : '模具'], ownerId, ownerName: null, stage, node: 'X', stageEnteredAt: new Date(), lastInteractionAt: new Date(Date.UTC(2026, 9, 1) + n * DAY),
          nextActionDate: n < 6 ? `2026-10-0${n + 1}` : '2099-01-01', contractedAmount: 0, phone: null, namePinyinInitials: 'kh',
          createdAt: new Date(Date.UTC(2026, 0, 1)), updatedAt: new Date(),
        });
      }
    }
    await db.getRepository(Customer).insert(customers as Customer[]);
    // time in SAMPLING: 2, 4, 6, …, 20 days (10 moves) → average 11, p90 = the 9th of 10 = 18
    await db.getRepository(StageTransition).insert(Array.from({ length: 10 }, (_, i) => ({
      id: `t-${i}`, customerId: `c-${i}`, fromStage: 'SAMPLING', toStage: 'QUOTATION', movedBy: 'x', movedAt: new Date(), daysInPreviousStage: 2 * (i + 1),
    })));
    service = new AnalyticsService(db);
  });

  afterAll(() => db.destroy());

  it('counts per stage and conversion equal a direct SQL count', async () => {
    const funnel = await service.funnel(director);
    for (const s of funnel.stages) {
      const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM customer WHERE stage = ?', [s.stage]);
      expect(s.count).toBe(Number(n));
    }
    // reached(SAMPLING) = everyone past LEAD = 35 − 15 = 20; reached(QUOTATION) = TRIAL 5 + CONTRACT 1 + DELIVERY 3 = 9 → 9 / 20 = 0.45
    const [{ n: atOrAfterSampling }] = await db.query("SELECT COUNT(*) AS n FROM customer WHERE stage IN ('SAMPLING','QUOTATION','TRIAL','CONTRACT','DELIVERY')");
    const [{ n: atOrAfterQuotation }] = await db.query("SELECT COUNT(*) AS n FROM customer WHERE stage IN ('QUOTATION','TRIAL','CONTRACT','DELIVERY')");
    const sampling = funnel.stages.find((s) => s.stage === 'SAMPLING')!;
    expect(funnel.total).toBe(35);
    expect(sampling.reached).toBe(Number(atOrAfterSampling));
    expect(sampling.conversionToNext).toBeCloseTo(Number(atOrAfterQuotation) / Number(atOrAfterSampling), 4);
    expect(sampling.conversionToNext).toBe(0.45);
    expect(sampling.averageDaysInStage).toBe(11);
    expect(sampling.p90DaysInStage).toBe(18);
  });

  it('highlights the region far below the overall conversion', async () => {
    const funnel = await service.funnel(director);
    // 华东 SAMPLING → QUOTATION: 2 of 10 = 0.2 against 0.45 overall (0.2 < 0.75 × 0.45): highlighted; 华南 7 of 10 = 0.7: not
    const east = funnel.regionConversions.find((c) => c.region === '华东' && c.stage === 'SAMPLING')!;
    const south = funnel.regionConversions.find((c) => c.region === '华南' && c.stage === 'SAMPLING')!;
    expect(east).toMatchObject({ conversion: 0.2, overallConversion: 0.45, belowAverage: true });
    expect(south).toMatchObject({ conversion: 0.7, belowAverage: false });
  });

  it('scopes the heatmap to the supervisor’s region and the rep’s own customers', async () => {
    const all = await service.heatmap(director, HeatmapDimension.INDUSTRY);
    expect(all.cells.find((c) => c.stage === 'LEAD' && c.key === '家电')?.count).toBe(15);
    const east = await service.heatmap(supervisorEast, HeatmapDimension.REGION);
    expect(east.keys).toEqual(['华东']);
    const own = await service.funnel(rep);
    expect(own.total).toBe(18);
    const drill = await service.customers(director, { region: '华南' }, 'TRIAL', false, { first: 50 });
    expect(drill.totalCount).toBe(4);
    // a word-cloud click: the customers with an obstacle containing the word
    await db.getRepository(FollowUp).insert(['c-0', 'c-1', 'c-1'].map((customerId, i) => ({
      id: `f-${i}`, customerId, type: FollowUpType.CALL, summary: '电话', obstacle: '交期太长', nextAction: null, nextActionDate: null, latitude: null, longitude: null,
      createdBy: 'x', createdAt: new Date(), editedBy: null, editedAt: null, version: 1,
    })));
    expect((await service.customers(director, null, null, false, { first: 50 }, new Date(), '交期')).totalCount).toBe(2);
  });

  it('lists the five most overdue customers, oldest date first', async () => {
    const top = await service.overdue(director, null, 5, new Date(Date.UTC(2026, 10, 1)));
    expect(top.map((o) => o.customer.id)).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4']);
    expect(top[0].daysOverdue).toBe(31);
  });
});

describe('obstacle word cloud', () => {
  it('keeps words appearing more than 3 times, without stop words', () => {
    const notes = [
      '价格偏高，客户要求降价', '价格偏高，交期太长', '客户的价格太高了', '价格问题，竞品报价更低',
      '交期太长', '交期不确定', '交期问题', '竞品报价更低', '竞品报价更低', '竞品报价更低',
    ];
    const words = obstacleWordCounts(notes, 4);
    // 价格 4 (notes 1–4), 交期 4 (2, 5, 6, 7), 竞品 4 / 报价 4 / 更低 4 (4, 8, 9, 10); 偏高 2, 太长 2: below the threshold
    expect(new Map(words.map((w) => [w.word, w.count]))).toEqual(new Map([['价格', 4], ['交期', 4], ['竞品', 4], ['报价', 4], ['更低', 4]]));
    expect(words.map((w) => w.word)).not.toContain('客户');
    expect(words.map((w) => w.word)).not.toContain('问题');
  });
});

describe('payment-risk signal', () => {
  const asOf = new Date(Date.UTC(2026, 10, 20));
  const ago = (d: number) => new Date(asOf.getTime() - d * DAY);
  it('flags a customer whose recent notes talk 付款 and no longer 验收', () => {
    const notes = [
      { customerId: 'risky', createdAt: ago(70), text: '安排验收，准备验收资料' },
      { customerId: 'risky', createdAt: ago(50), text: '验收报告待签字' },
      { customerId: 'risky', createdAt: ago(10), text: '客户询问付款方式，提出延期付款' },
      { customerId: 'risky', createdAt: ago(3), text: '催收首付款，付款审批中' },
      // still accepting recently: not a risk
      { customerId: 'fine', createdAt: ago(60), text: '验收通过' },
      { customerId: 'fine', createdAt: ago(5), text: '付款计划已定，下周验收二期' },
      // payment talk all along, never acceptance: not this signal
      { customerId: 'steady', createdAt: ago(40), text: '付款' },
      { customerId: 'steady', createdAt: ago(4), text: '付款 付款' },
      // outside both windows: ignored
      { customerId: 'old', createdAt: ago(200), text: '验收' },
      { customerId: 'old', createdAt: ago(1), text: '付款' },
    ];
    const figures = paymentRiskFigures(notes, { asOf, recentDays: 30, earlierDays: 60 });
    expect(figures.get('risky')).toMatchObject({ recentPaymentMentions: 4, earlierPaymentMentions: 0, recentAcceptanceMentions: 0, earlierAcceptanceMentions: 3 });
    expect([...figures.values()].filter(isPaymentRisk).map((f) => f.customerId)).toEqual(['risky']);
  });
});
