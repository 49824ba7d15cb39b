import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import type { EChartsCoreOption } from 'echarts/core';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NgxEchartsDirective } from 'ngx-echarts';
import { map } from 'rxjs';
import { FormsModule } from '@angular/forms';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { AGEING, DSO_TREND, type DsoSeries, currentMonth, shiftMonth } from './finance.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

type Dimension = 'TOTAL' | 'REGION' | 'CUSTOMER';

/** DSO trend (company, per region, top customers) and the receivables ageing table. */
@Component({
  selector: 'lx-finance-dso-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, FormsModule, NgxEchartsDirective, NzRadioModule, NzTableModule, TranslatePipe, CnyPipe],
  styleUrl: './finance.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'finance.dso.title' | t }}</h1>
    </div>
    <p>{{ 'finance.dso.formula' | t }}</p>
    <div class="lx-filters">
      <nz-radio-group data-testid="dso-dimension" [ngModel]="dimension()" (ngModelChange)="dimension.set($event)">
        <label nz-radio-button nzValue="TOTAL">{{ 'finance.dso.total' | t }}</label>
        <label nz-radio-button nzValue="REGION">{{ 'finance.dso.region' | t }}</label>
        <label nz-radio-button nzValue="CUSTOMER">{{ 'finance.dso.customer' | t }}</label>
      </nz-radio-group>
    </div>
    @if (trend.error()) {
      <lx-load-failed [message]="error(trend.error())" (retry)="trend.reload()" />
    } @else {
      <div echarts class="lx-finance-chart" data-testid="dso-chart" [options]="chart()" [loading]="trend.isLoading()"></div>
      <nz-table #dsoTable nzSize="small" data-testid="dso-table" [nzData]="trend.value() ?? []" [nzShowPagination]="false" [nzFrontPagination]="false" [nzScroll]="{ x: 140 + months().length * 80 + 'px' }">
        <thead>
          <tr>
            <th nzWidth="140px" nzLeft>{{ 'finance.dso.series' | t }}</th>
            @for (m of months(); track m) {
              <th nzAlign="right">{{ m }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (s of dsoTable.data; track s.key) {
            <tr data-testid="dso-row">
              <td nzLeft>{{ label(s) }}</td>
              @for (p of visiblePoints(s); track p.month) {
                <td class="lx-amount" [title]="(p.receivables | cny) + ' / ' + (p.revenue | cny) + ' × ' + p.days">{{ p.dso === null ? '—' : p.dso }}</td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    }

    <div class="lx-finance-section">
      <div class="lx-page-header">
        <h2 class="lx-page-title">{{ 'finance.ageing.title' | t }}</h2>
        @if (ageing.value(); as a) {
          <span class="lx-total">{{ 'finance.ageing.asOf' | t: { date: a.asOf } }}</span>
        }
      </div>
      @if (ageing.error()) {
        <lx-load-failed [message]="error(ageing.error())" (retry)="ageing.reload()" />
      } @else {
        <nz-table #ageingTable nzSize="small" data-testid="ageing-table" [nzData]="ageing.value()?.rows ?? []" [nzLoading]="ageing.isLoading()" [nzPageSize]="20" [nzScroll]="{ x: '820px' }">
          <thead>
            <tr>
              <th nzWidth="200px" nzLeft>{{ 'finance.col.customer' | t }}</th>
              <th nzWidth="80px">{{ 'finance.col.region' | t }}</th>
              <th nzAlign="right">0–30</th>
              <th nzAlign="right">31–60</th>
              <th nzAlign="right">61–90</th>
              <th nzAlign="right">&gt; 90</th>
              <th nzAlign="right">{{ 'finance.ageing.total' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @if (ageing.value(); as a) {
              <tr data-testid="ageing-totals">
                <td nzLeft><strong>{{ 'finance.ageing.sum' | t }}</strong></td>
                <td></td>
                <td class="lx-amount"><strong>{{ a.totals.days0to30 | cny }}</strong></td>
                <td class="lx-amount"><strong>{{ a.totals.days31to60 | cny }}</strong></td>
                <td class="lx-amount"><strong>{{ a.totals.days61to90 | cny }}</strong></td>
                <td class="lx-amount"><strong>{{ a.totals.over90 | cny }}</strong></td>
                <td class="lx-amount"><strong>{{ a.totals.total | cny }}</strong></td>
              </tr>
            }
            @for (r of ageingTable.data; track r.customerId) {
              <tr data-testid="ageing-row">
                <td nzLeft>{{ r.customerName }}</td>
                <td>{{ r.region }}</td>
                <td class="lx-amount">{{ r.days0to30 | cny }}</td>
                <td class="lx-amount">{{ r.days31to60 | cny }}</td>
                <td class="lx-amount">{{ r.days61to90 | cny }}</td>
                <td class="lx-amount">{{ r.over90 | cny }}</td>
                <td class="lx-amount">{{ r.total | cny }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </div>
  `,
})
export class DsoPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly dimension = signal<Dimension>('REGION');
  private readonly toMonth = currentMonth();
  private readonly fromMonth = shiftMonth(this.toMonth, -11);

  protected readonly trend = rxResource({
    params: () => ({ fromMonth: this.fromMonth, toMonth: this.toMonth, dimension: this.dimension(), top: 8 }),
    stream: ({ params }) => this.apollo.query({ query: DSO_TREND, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.dsoTrend ?? [])),
  });
  protected readonly ageing = rxResource({
    stream: () => this.apollo.query({ query: AGEING, variables: {}, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.receivablesAgeing ?? null)),
  });

  /** Months from the first one with any revenue (older months would only be empty). */
  protected readonly visibleFrom = computed(() => {
    const series = this.trend.value() ?? [];
    const first = series.flatMap((s) => s.points.filter((p) => p.revenue > 0 || p.receivables > 0).map((p) => p.month)).sort()[0];
    return first ?? this.toMonth;
  });
  protected readonly months = computed(() => (this.trend.value()?.[0]?.points ?? []).map((p) => p.month).filter((m) => m >= this.visibleFrom()));

  protected readonly chart = computed<EChartsCoreOption>(() => {
    const series = this.trend.value() ?? [];
    const months = this.months();
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v} ${this.i18n.t('finance.dso.days')}`) },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: this.i18n.t('finance.dso.days') },
      series: series.map((s) => ({
        name: this.label(s),
        type: 'line',
        connectNulls: true,
        data: s.points.filter((p) => p.month >= this.visibleFrom()).map((p) => p.dso),
      })),
    };
  });

  protected visiblePoints(s: DsoSeries) {
    return s.points.filter((p) => p.month >= this.visibleFrom());
  }

  protected label(s: DsoSeries): string {
    return s.key === 'TOTAL' ? this.i18n.t('finance.dso.total') : this.i18n.tDynamic(`region.${s.label}`, s.label);
  }

  protected error(e: unknown): string {
    return graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
