import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { CnyPipe } from '../../shared/cny.pipe';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { ERP_FEED } from './erp-feed.graphql';

/**
 * What the ERP stand-in received on orders.contract-signed.v1 (the embedded demo's ERP): one row
 * per envelope with its CloudEvent id, type, time and subject, the contract number and the signed
 * agreement version. Admin, director and production.
 */
@Component({
  selector: 'lx-erp-feed-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NzAlertModule, NzButtonModule, NzTableModule, NzTagModule, TranslatePipe, CnyPipe],
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'erpFeed.title' | t }}</h1>
      <span class="lx-total" data-testid="erp-feed-total">{{ feed.value()?.totalCount ?? 0 }}</span>
      <button nz-button data-testid="erp-feed-refresh" (click)="refresh()">{{ 'erpFeed.refresh' | t }}</button>
    </div>
    <nz-alert nzType="info" [nzMessage]="'erpFeed.hint' | t" style="margin-bottom: 12px" />
    <nz-table
      data-testid="erp-feed-table"
      nzSize="middle"
      [nzData]="feed.value()?.entries ?? []"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      [nzLoading]="feed.isLoading()"
      [nzNoResult]="empty"
      [nzScroll]="narrow() ? { x: '900px' } : {}"
    >
      <thead>
        <tr>
          <th>{{ 'erpFeed.receivedAt' | t }}</th>
          <th>{{ 'erpFeed.contract' | t }}</th>
          <th>{{ 'erpFeed.agreementVersion' | t }}</th>
          <th>{{ 'erpFeed.customer' | t }}</th>
          <th>{{ 'erpFeed.amount' | t }}</th>
          <th>{{ 'erpFeed.time' | t }}</th>
          <th>{{ 'erpFeed.type' | t }} / {{ 'erpFeed.id' | t }} / {{ 'erpFeed.subject' | t }}</th>
          <th>{{ 'erpFeed.valid' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (entry of feed.value()?.entries ?? []; track entry.id) {
          <tr data-testid="erp-feed-row" [attr.data-event-id]="entry.id" [attr.data-contract-number]="entry.contractNumber">
            <td>{{ entry.receivedAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            <td data-testid="erp-feed-contract"><b>{{ entry.contractNumber ?? '—' }}</b></td>
            <td data-testid="erp-feed-agreement-version">{{ entry.agreementVersion === null ? '—' : 'v' + entry.agreementVersion }}</td>
            <td>{{ entry.customerName ?? '—' }}</td>
            <td>{{ entry.amount === null ? '—' : (entry.amount | cny) }}</td>
            <td>{{ entry.time | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            <td>
              <code>{{ entry.type }}</code><br />
              <small data-testid="erp-feed-id">{{ entry.id }}</small><br />
              <small>{{ entry.subject }}</small>
            </td>
            <td>
              @if (entry.valid) {
                <nz-tag nzColor="green">{{ 'erpFeed.validOk' | t }}</nz-tag>
              } @else {
                <nz-tag nzColor="red" [title]="entry.reason ?? ''">{{ 'erpFeed.validBad' | t }}</nz-tag>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><span data-testid="erp-feed-empty">{{ 'erpFeed.empty' | t }}</span></ng-template>
  `,
})
export class ErpFeedPage {
  private readonly apollo = inject(Apollo);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  private readonly reload = signal(0);
  protected readonly feed = rxResource({
    params: () => ({ first: 100, reload: this.reload() }),
    stream: ({ params }) =>
      this.apollo
        .query({ query: ERP_FEED, variables: { first: params.first }, fetchPolicy: 'network-only', errorPolicy: 'all' })
        .pipe(map((r) => r.data?.erpFeed ?? null)),
  });

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }
}
