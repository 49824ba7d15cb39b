import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { EChartsCoreOption } from 'echarts/core';
import { Apollo } from 'apollo-angular';
import { NgxEchartsDirective } from 'ngx-echarts';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { DEALER_HOME } from './dealer-home.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/** The dealer's landing page: attainment, stock health, recent receipts and flags, points — phone first. */
@Component({
  selector: 'lx-dealer-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, DatePipe, DecimalPipe, PercentPipe, RouterLink, NgxEchartsDirective, NzCardModule, NzSpinModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  styles: `
    .lx-dh { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); }
    .lx-dh-kpis { display: flex; gap: 16px; flex-wrap: wrap; }
    .lx-dh-kpi b { font-size: 22px; display: block; }
    .lx-dh-chart { height: 220px; width: 100%; }
    .lx-dh-row { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; border-bottom: 1px solid #f0f0f0; font-size: 13px; }
    .lx-dh-links { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 12px; }
  `,
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'dealerHome.title' | t: { name: dealerName() } }}</h1></div>
    <div class="lx-dh-links">
      <a routerLink="/stock" data-testid="home-go-stock">{{ 'dealerHome.goStock' | t }}</a>
      <a routerLink="/receipts" data-testid="home-go-receipts">{{ 'dealerHome.goReceipts' | t }}</a>
      <a routerLink="/points" data-testid="home-go-points">{{ 'dealerHome.goPoints' | t }}</a>
    </div>
    @if (home.error()) { <lx-load-failed [message]="errorMessage()" (retry)="home.reload()" /> }
    <nz-spin [nzSpinning]="home.isLoading()">
      @if (home.value(); as h) {
        <div class="lx-dh">
          <nz-card [nzTitle]="'dealerHome.attainment' | t" data-testid="home-attainment">
            <div class="lx-dh-kpis">
              <div class="lx-dh-kpi">{{ 'dealerHome.month' | t }}<b data-testid="home-month-rate">{{ h.dealerAttainment.currentMonth?.rate ?? 0 | percent: '1.0-0' }}</b></div>
              <div class="lx-dh-kpi">{{ 'dealerHome.year' | t }}<b data-testid="home-year-rate">{{ h.dealerAttainment.yearRate ?? 0 | percent: '1.0-0' }}</b></div>
              <div class="lx-dh-kpi">{{ 'dealerHome.ytd' | t }}<b>¥{{ h.dealerAttainment.yearToDateActual | number: '1.0-0' }}</b></div>
            </div>
            <div echarts class="lx-dh-chart" [options]="attainmentChart()" data-testid="home-attainment-chart"></div>
          </nz-card>
          <nz-card [nzTitle]="'dealerHome.stockHealth' | t" data-testid="home-stock">
            <div class="lx-dh-kpis">
              <div class="lx-dh-kpi">{{ 'dealerHome.week' | t }}<b>{{ h.stockHealth.isoWeek ?? '—' }}</b></div>
              <div class="lx-dh-kpi">{{ 'dealerHome.slow' | t }}<b data-testid="home-slow-count">{{ h.stockHealth.slowCount }}</b></div>
              <div class="lx-dh-kpi">{{ 'dealerHome.short' | t }}<b>{{ h.stockHealth.shortCount }}</b></div>
            </div>
            <div echarts class="lx-dh-chart" [options]="coverChart()"></div>
            @for (s of slowMovers(); track s.skuCode) {
              <div class="lx-dh-row"><span><nz-tag nzColor="orange">{{ s.skuCode }}</nz-tag>{{ s.onHand }}</span><span>{{ i18n.lang() === 'zh' ? s.suggestion?.messageZh : s.suggestion?.messageEn }}</span></div>
            }
          </nz-card>
          <nz-card [nzTitle]="'dealerHome.receipts' | t" data-testid="home-receipts">
            @for (r of h.sellThroughReceipts.nodes; track r.id) {
              <div class="lx-dh-row">
                <span>{{ r.recordedAt | date: 'MM-dd' }} {{ r.skuCode }} × {{ r.quantity }}</span>
                <span>{{ r.endCustomerName }} @if (r.crossRegionFlag) { <nz-tag nzColor="red">{{ 'dealerHome.flag' | t }} {{ r.flagStatus }}</nz-tag> }</span>
              </div>
            }
          </nz-card>
          <nz-card [nzTitle]="'dealerHome.points' | t" data-testid="home-points">
            <div class="lx-dh-kpi"><b data-testid="home-points-balance">{{ h.pointsAccount.balance | number }}</b></div>
            <a routerLink="/points">{{ 'dealerHome.redeem' | t }}</a>
          </nz-card>
        </div>
      }
    </nz-spin>
  `,
})
export class DealerHomePage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly dealerName = computed(() => this.auth.viewer()?.dealer?.name ?? '');
  protected readonly home = rxResource({
    params: () => ({ dealerId: this.auth.viewer()?.dealer?.id ?? null }),
    stream: ({ params }) =>
      params.dealerId
        ? this.apollo.query({ query: DEALER_HOME, variables: { dealerId: params.dealerId, year: new Date().getFullYear() }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null))
        : of(null),
  });
  protected readonly slowMovers = computed(() => (this.home.value()?.stockHealth.items ?? []).filter((i) => i.slow).slice(0, 5));

  protected readonly attainmentChart = computed<EChartsCoreOption>(() => {
    const months = this.home.value()?.dealerAttainment.months ?? [];
    const zh = this.i18n.lang() === 'zh';
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [zh ? '目标' : 'Target', zh ? '实际' : 'Actual'], bottom: 0 },
      grid: { left: 48, right: 8, top: 12, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.period.replace('M', '')) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v / 10000)}万` } },
      series: [
        { name: zh ? '目标' : 'Target', type: 'line', data: months.map((m) => m.target) },
        { name: zh ? '实际' : 'Actual', type: 'bar', data: months.map((m) => Math.round(m.actual)) },
      ],
    };
  });

  protected readonly coverChart = computed<EChartsCoreOption>(() => {
    const items = (this.home.value()?.stockHealth.items ?? []).slice(0, 10);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', name: this.i18n.lang() === 'zh' ? '周' : 'wks' },
      yAxis: { type: 'category', data: items.map((i) => i.skuCode) },
      series: [{
        type: 'bar',
        data: items.map((i) => ({ value: i.weeksOfCover ?? 26, itemStyle: { color: i.slow ? '#fa8c16' : i.short ? '#f5222d' : '#52c41a' } })),
      }],
    };
  });

  protected errorMessage(): string {
    return graphqlErrorMessage(this.home.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
