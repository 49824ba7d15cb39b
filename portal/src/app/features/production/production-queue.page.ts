import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { pageVariables } from '../../shared/connection';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { PRODUCTION_QUEUE } from './production.graphql';

const TIER_COLORS: Record<string, string> = { HIGH: 'green', MEDIUM: 'gold', LOW: 'default' };

/**
 * Signed contracts by capacity priority with the three components. Roles that may not read gross
 * margin get score and margin points as null (FIELD_HIDDEN) and see the margin tier instead
 * (docs/decisions/0008); the query keeps the partial data.
 */
@Component({
  selector: 'lx-production-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, DecimalPipe, NzAlertModule, NzTableModule, NzTagModule, TranslatePipe, CnyPipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'production.title' | t }}</h1>
      <span class="lx-total" data-testid="queue-total">{{ queue.value()?.totalCount ?? 0 }}</span>
    </div>
    <nz-alert nzType="info" [nzMessage]="'production.hint' | t" style="margin-bottom: 12px" />
    <nz-table
      data-testid="queue-table"
      nzSize="middle"
      [nzData]="queue.value()?.nodes ?? []"
      [nzFrontPagination]="false"
      [nzTotal]="queue.value()?.totalCount ?? 0"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="20"
      [nzLoading]="queue.isLoading()"
      [nzSimple]="narrow()"
      [nzScroll]="{ x: '900px' }"
      (nzPageIndexChange)="pageIndex.set($event)"
    >
      <thead>
        <tr>
          <th nzWidth="70px">{{ 'production.rank' | t }}</th>
          <th>{{ 'production.contract' | t }}</th>
          <th>{{ 'production.signedAt' | t }}</th>
          <th>{{ 'production.score' | t }}</th>
          <th>{{ 'production.margin' | t }}</th>
          <th>{{ 'production.urgency' | t }}</th>
          <th>{{ 'production.health' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (item of queue.value()?.nodes ?? []; track item.contract.id) {
          <tr data-testid="queue-row" [attr.data-rank]="item.rank">
            <td><b>{{ item.rank }}</b></td>
            <td>{{ item.contract.number }} · {{ item.contract.customer?.name ?? '' }}<br /><small>{{ item.contract.amount | cny }}</small></td>
            <td>{{ item.contract.signedAt | date: 'yyyy-MM-dd' }}</td>
            <td data-testid="queue-score">{{ item.priority.score === null ? '—' : (item.priority.score | number: '1.1-1') }}</td>
            <td>
              <nz-tag data-testid="queue-tier" [nzColor]="tierColors[item.priority.marginTier]">{{ i18n.tDynamic('production.tier.' + item.priority.marginTier, item.priority.marginTier) }}</nz-tag>
              @if (item.priority.margin !== null) { {{ item.priority.margin | number: '1.1-1' }} }
            </td>
            <td>{{ item.priority.urgency | number: '1.1-1' }} · {{ i18n.tDynamic('tickets.urgency.' + item.contract.urgency, item.contract.urgency) }}</td>
            <td>{{ item.priority.health | number: '1.1-1' }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class ProductionQueuePage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly tierColors = TIER_COLORS;
  protected readonly pageIndex = signal(1);
  protected readonly queue = rxResource({
    params: () => pageVariables(this.pageIndex(), 20),
    stream: ({ params }) =>
      this.apollo.query({ query: PRODUCTION_QUEUE, variables: params, fetchPolicy: 'network-only', errorPolicy: 'all' }).pipe(map((r) => r.data?.productionQueue ?? null)),
  });
}
