import { PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { NzTableModule } from 'ng-zorro-antd/table';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { TranslatePipe } from '../../shared/translate.pipe';
import type { LineAttainment, MonthAttainment } from './targets.graphql';

/** Actual sell-through against target per month (chart) and per product line (year and this month). */
@Component({
  selector: 'lx-target-attainment',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [PercentPipe, NgxEchartsDirective, NzTableModule, CnyPipe, TranslatePipe],
  styles: `.lx-ta-chart { height: 240px; width: 100%; } .lx-ta-sub { font-size: 12px; color: #888; } .lx-ta-table th, .lx-ta-table td { white-space: nowrap; }`,
  template: `
    <div echarts class="lx-ta-chart" [options]="chart()" data-testid="targets-month-chart"></div>
    <h3 style="font-size: 15px; margin: 12px 0 6px">{{ 'targets.byLine' | t }}</h3>
    <nz-table #lt [nzData]="lines()" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="small" [nzScroll]="{ x: '640px' }" class="lx-ta-table" data-testid="targets-line-table">
      <thead>
        <tr>
          <th nzLeft>{{ 'targets.line' | t }}</th>
          <th>{{ 'targets.lineTarget' | t }}</th><th>{{ 'targets.ytd' | t }}</th><th>{{ 'targets.rate' | t }}</th>
          <th>{{ 'targets.monthTarget' | t }}</th><th>{{ 'targets.monthActual' | t }}</th><th>{{ 'targets.rate' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (l of lt.data; track l.productLine) {
          <tr [attr.data-testid]="'targets-line-' + l.productLine">
            <td nzLeft>{{ l.productLine }}</td>
            <td>{{ l.annualTarget | cny }}</td><td>{{ l.yearToDateActual | cny }}</td><td>{{ l.yearRate === null ? '—' : (l.yearRate | percent: '1.0-1') }}</td>
            <td>{{ l.currentMonthTarget | cny }}</td><td>{{ l.currentMonthActual | cny }}</td><td>{{ l.currentMonthRate === null ? '—' : (l.currentMonthRate | percent: '1.0-1') }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <div class="lx-ta-sub">{{ 'targets.lineNote' | t }}</div>
  `,
})
export class TargetAttainmentComponent {
  private readonly i18n = inject(I18nService);
  readonly months = input<MonthAttainment[]>([]);
  readonly lines = input<LineAttainment[]>([]);

  protected readonly chart = computed<EChartsCoreOption>(() => {
    const months = this.months();
    const zh = this.i18n.lang() === 'zh';
    const [target, actual] = zh ? ['目标', '实际'] : ['Target', 'Actual'];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [target, actual], bottom: 0 },
      grid: { left: 48, right: 8, top: 12, bottom: 40 },
      xAxis: { type: 'category', data: months.map((m) => m.period.replace('M', '')) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (zh ? `${Math.round(v / 10000)}万` : `${Math.round(v / 1000)}k`) } },
      series: [
        { name: target, type: 'line', data: months.map((m) => m.target) },
        { name: actual, type: 'bar', data: months.map((m) => Math.round(m.actual)) },
      ],
    };
  });
}
