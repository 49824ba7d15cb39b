import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { EChartsCoreOption } from 'echarts/core';
import { Apollo } from 'apollo-angular';
import { NgxEchartsDirective } from 'ngx-echarts';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { NETWORK } from './network.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/**
 * HQ network view: every dealer's attainment, stock turnover per dealer, 窜货 flags by delivery
 * province (a per-province bar: the China map geoJSON is not in the installed packages) and points
 * issued vs redeemed.
 */
@Component({
  selector: 'lx-network-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, DecimalPipe, PercentPipe, NgxEchartsDirective, NzCardModule, NzSpinModule, NzTableModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  styles: `.lx-net { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); } .lx-net-chart { height: 280px; width: 100%; }`,
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'network.title' | t }}</h1></div>
    @if (data.error()) { <lx-load-failed [message]="errorMessage()" (retry)="data.reload()" /> }
    <nz-spin [nzSpinning]="data.isLoading()">
      @if (data.value(); as d) {
        <div class="lx-net">
          <nz-card [nzTitle]="'network.turnover' | t" data-testid="network-turnover">
            <div>{{ 'network.turnoverFigure' | t }} <b data-testid="network-turnover-figure">{{ d.networkStockTurnover.annualisedTurnover | number: '1.0-2' }}</b></div>
            <div style="font-size: 12px; color: #888">{{ i18n.lang() === 'zh' ? d.networkStockTurnover.definitionZh : d.networkStockTurnover.definitionEn }}</div>
            <div echarts class="lx-net-chart" [options]="turnoverChart()"></div>
          </nz-card>
          <nz-card [nzTitle]="('network.flags' | t) + ' (' + flagTotal() + ')'" data-testid="network-flags">
            <div echarts class="lx-net-chart" [options]="flagsChart()"></div>
          </nz-card>
          <nz-card [nzTitle]="'network.points' | t" data-testid="network-points">
            <div echarts class="lx-net-chart" [options]="pointsChart()"></div>
          </nz-card>
        </div>
        <nz-card [nzTitle]="'network.attainment' | t" style="margin-top: 12px">
          <nz-table #t [nzData]="d.networkAttainment" [nzPageSize]="50" nzSize="small" [nzScroll]="{ x: '560px' }" data-testid="network-attainment">
            <thead><tr><th>{{ 'network.dealer' | t }}</th><th>{{ 'network.region' | t }}</th><th>{{ 'network.target' | t }}</th><th>{{ 'network.ytd' | t }}</th><th>{{ 'network.yearRate' | t }}</th><th>{{ 'network.ytdRate' | t }}</th><th>{{ 'network.dealerTurnover' | t }}</th></tr></thead>
            <tbody>
              @for (a of t.data; track a.dealerId) {
                <tr>
                  <td>{{ a.dealerCode }} {{ a.dealerName }}</td><td>{{ a.region }}</td>
                  <td>{{ a.annualTarget | number: '1.0-0' }}</td><td>{{ a.yearToDateActual | number: '1.0-0' }}</td>
                  <td>{{ a.yearRate ?? 0 | percent: '1.0-1' }}</td><td>{{ a.yearToDateRate ?? 0 | percent: '1.0-1' }}</td>
                  <td>{{ turnoverOf(a.dealerCode) | number: '1.0-2' }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-card>
      }
    </nz-spin>
  `,
})
export class NetworkPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly year = signal(new Date().getFullYear());
  protected readonly data = rxResource({
    params: () => ({ year: this.year() }),
    stream: ({ params }) => this.apollo.query({ query: NETWORK, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null)),
  });

  protected turnoverOf(code: string): number | null {
    return this.data.value()?.networkStockTurnover.dealers.find((d) => d.dealerCode === code)?.annualisedTurnover ?? null;
  }

  protected readonly turnoverChart = computed<EChartsCoreOption>(() => {
    const t = this.data.value()?.networkStockTurnover;
    // The eight dealers with the most stock turns, so the lines stay readable on a phone.
    const top = [...(t?.dealers ?? [])].sort((a, b) => (b.annualisedTurnover ?? 0) - (a.annualisedTurnover ?? 0)).slice(0, 8);
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 8, top: 12, bottom: 48 },
      xAxis: { type: 'category', data: (t?.weeks ?? []).map((w) => w.slice(5)) },
      yAxis: { type: 'value' },
      series: top.map((d) => ({ name: d.dealerCode, type: 'line', smooth: true, data: d.points.map((p) => p.turnover) })),
    };
  });

  protected readonly flagTotal = computed(() => (this.data.value()?.crossRegionFlagsByProvince ?? []).reduce((n, p) => n + p.flagged, 0));

  protected readonly flagsChart = computed<EChartsCoreOption>(() => {
    const rows = this.data.value()?.crossRegionFlagsByProvince ?? [];
    const zh = this.i18n.lang() === 'zh';
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 72, right: 16, top: 8, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((p) => p.provinceName) },
      series: [
        { name: zh ? '成立' : 'Standing', type: 'bar', stack: 'f', data: rows.map((p) => p.standing), itemStyle: { color: '#f5222d' } },
        { name: zh ? '已撤销' : 'Dismissed', type: 'bar', stack: 'f', data: rows.map((p) => p.flagged - p.standing), itemStyle: { color: '#d9d9d9' } },
      ],
    };
  });

  protected readonly pointsChart = computed<EChartsCoreOption>(() => {
    const months = this.data.value()?.pointsNetworkSummary ?? [];
    const zh = this.i18n.lang() === 'zh';
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 8, top: 12, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.month.slice(2)) },
      yAxis: { type: 'value' },
      series: [
        { name: zh ? '发放' : 'Issued', type: 'bar', data: months.map((m) => m.issued) },
        { name: zh ? '兑换' : 'Redeemed', type: 'bar', data: months.map((m) => m.redeemed) },
      ],
    };
  });

  protected errorMessage(): string {
    return graphqlErrorMessage(this.data.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
