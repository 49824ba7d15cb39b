import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import type { EChartsCoreOption } from 'echarts/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NgxEchartsDirective } from 'ngx-echarts';
import { map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { type AnalyticsFilter, BEHAVIOUR, type BehaviourData, DASHBOARD, DRILL_CUSTOMERS, DRILL_DETAIL, type DashboardData } from './analytics.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const INDUSTRIES = ['汽车零部件', '消费电子', '光伏新能源', '家电', '医疗器械', '工业自动化', '建筑五金', '通信设备'];
const PRODUCT_LINES = ['五金件', '智能设备', '光伏支架', '模具'];
const ANALYTICS_ROLES = ['DIRECTOR', 'ADMIN', 'SUPERVISOR', 'REP'];

/** What a click opened: the chart filters plus the clicked cell. */
interface Drill {
  label: string;
  filter: AnalyticsFilter;
  stage: string | null;
  overdueOnly: boolean;
  obstacleWord?: string | null;
}

/**
 * The director's Monday page: funnel, conversion table (regions far below average in red),
 * stage heatmap, overdue top 5, obstacle word cloud and payment-risk list. Every cell opens the
 * customers behind it (same filters), then a customer's follow-ups and stage moves.
 */
@Component({
  selector: 'lx-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    DatePipe, DecimalPipe, PercentPipe, FormsModule, NgxEchartsDirective, NzCardModule, NzDrawerModule, NzEmptyModule, NzRadioModule,
    NzResultModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, TranslatePipe,
  ],
  styleUrl: './dashboard.page.less',
  templateUrl: './dashboard.page.html',
})
export class DashboardPage {
  private readonly apollo = inject(Apollo);
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly regions = REGIONS;
  protected readonly industries = INDUSTRIES;
  protected readonly productLines = PRODUCT_LINES;

  protected readonly canSee = computed(() => (this.auth.viewer()?.roles ?? []).some((r) => ANALYTICS_ROLES.includes(r)));
  protected readonly region = signal<string | null>(null);
  protected readonly industry = signal<string | null>(null);
  protected readonly productLine = signal<string | null>(null);
  protected readonly dimension = signal<'REGION' | 'INDUSTRY'>('REGION');
  protected readonly filter = computed<AnalyticsFilter>(() => ({ region: this.region(), industry: this.industry(), productLine: this.productLine() }));

  protected readonly data = rxResource({
    params: () => (this.canSee() ? { filter: this.filter(), dimension: this.dimension() } : undefined),
    stream: ({ params }) => this.apollo.query({ query: DASHBOARD, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => (r.data as DashboardData | undefined) ?? null)),
  });

  /** Director/admin/supervisor: behaviour metrics; a part another service refuses just stays empty. */
  protected readonly behaviour = rxResource({
    params: () => ((this.auth.viewer()?.roles ?? []).some((r) => ['DIRECTOR', 'ADMIN', 'SUPERVISOR'].includes(r)) ? {} : undefined),
    stream: () => this.apollo.query({ query: BEHAVIOUR, errorPolicy: 'all' }).pipe(map((r) => (r.data as BehaviourData | undefined) ?? null)),
  });

  protected readonly drill = signal<Drill | null>(null);
  protected readonly drillPage = signal(1);
  protected readonly drillCustomers = rxResource({
    params: () => {
      const d = this.drill();
      return d ? { filter: d.filter, stage: d.stage, overdueOnly: d.overdueOnly, obstacleWord: d.obstacleWord ?? null, first: 20, offset: (this.drillPage() - 1) * 20 } : undefined;
    },
    stream: ({ params }) => this.apollo.query({ query: DRILL_CUSTOMERS, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.analyticsCustomers ?? null)),
  });
  protected readonly customerId = signal<string | null>(null);
  protected readonly detail = rxResource({
    params: () => this.customerId() ?? undefined,
    stream: ({ params }) => (params ? this.apollo.query({ query: DRILL_DETAIL, variables: { id: params } }).pipe(map((r) => r.data?.customer ?? null)) : of(null)),
  });

  protected readonly stageName = (code: string) => this.i18n.tDynamic(`stage.${code}`, code);

  protected readonly funnelOption = computed<EChartsCoreOption | null>(() => {
    const d = this.data.value();
    if (!d) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{
        type: 'funnel', sort: 'none', left: '5%', width: '90%', minSize: '12%', gap: 2,
        label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: d.salesFunnel.stages.map((s) => ({ name: this.stageName(s.stage), value: s.reached, stage: s.stage })),
      }],
    };
  });

  protected readonly wordOption = computed<EChartsCoreOption | null>(() => {
    const d = this.data.value();
    if (!d || !d.obstacleWordCloud.length) return null;
    const max = Math.max(...d.obstacleWordCloud.map((w) => w.count));
    return {
      tooltip: { show: true },
      series: [{
        type: 'wordCloud', shape: 'circle', sizeRange: [12, 40], rotationRange: [0, 0], gridSize: 6, width: '100%', height: '100%',
        textStyle: { color: (p: { value: number }) => (p.value > max * 0.66 ? '#cf1322' : p.value > max * 0.33 ? '#1677ff' : '#595959') },
        data: d.obstacleWordCloud.map((w) => ({ name: w.word, value: w.count })),
      }],
    };
  });

  protected readonly heat = computed(() => {
    const d = this.data.value();
    if (!d) return null;
    const counts = new Map(d.stageHeatmap.cells.map((c) => [`${c.stage}|${c.key}`, c.count]));
    const max = Math.max(1, ...d.stageHeatmap.cells.map((c) => c.count));
    return {
      keys: d.stageHeatmap.keys,
      rows: d.stageHeatmap.stages.map((stage) => ({
        stage,
        cells: d.stageHeatmap.keys.map((key) => {
          const n = counts.get(`${stage}|${key}`) ?? 0;
          return { key, n, bg: `rgba(22, 119, 255, ${(0.08 + (0.8 * n) / max).toFixed(2)})`, fg: n / max > 0.55 ? '#fff' : '#262626' };
        }),
      })),
    };
  });

  protected readonly lowRegions = computed(() => this.data.value()?.salesFunnel.regionConversions.filter((r) => r.belowAverage) ?? []);

  protected errorMessage(): string {
    return graphqlErrorMessage(this.data.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected open(label: string, extra: AnalyticsFilter, stage: string | null, overdueOnly = false): void {
    this.customerId.set(null);
    this.drillPage.set(1);
    this.drill.set({ label, filter: { ...this.filter(), ...extra }, stage, overdueOnly });
  }

  protected openHeatCell(stage: string, key: string): void {
    const extra = this.dimension() === 'REGION' ? { region: key } : { industry: key };
    this.open(`${this.stageName(stage)} · ${key}`, extra, stage);
  }

  protected openFunnel(event: { data?: { stage?: string } }): void {
    const stage = event.data?.stage;
    if (stage) this.open(this.stageName(stage), {}, stage);
  }

  protected openWord(event: { name?: string }): void {
    const word = event.name;
    if (!word) return;
    this.customerId.set(null);
    this.drillPage.set(1);
    this.drill.set({ label: `${this.i18n.t('dashboard.obstacle')}：${word}`, filter: this.filter(), stage: null, overdueOnly: false, obstacleWord: word });
  }

  /** From a list entry straight to that customer, with the list it belongs to beside it. */
  protected openCustomer(label: 'dashboard.overdue' | 'dashboard.risks', extra: AnalyticsFilter, id: string, overdueOnly: boolean): void {
    this.open(this.i18n.t(label), extra, null, overdueOnly);
    this.customerId.set(id);
  }

  protected closeDrill(): void {
    this.drill.set(null);
    this.customerId.set(null);
  }
}
