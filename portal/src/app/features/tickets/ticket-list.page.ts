import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { pageVariables } from '../../shared/connection';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { TICKETS } from './tickets.graphql';

export const STATUS_COLORS: Record<string, string> = { DRAFT: 'default', SUBMITTED: 'blue', CHANGES_REQUESTED: 'orange', APPROVED: 'green' };

/** Requirement tickets in the caller's scope, newest first. */
@Component({
  selector: 'lx-ticket-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, RouterLink, NzButtonModule, NzTableModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'tickets.title' | t }}</h1>
      @if (canCreate()) {
        <a nz-button nzType="primary" routerLink="/tickets/new" data-testid="ticket-new">{{ 'tickets.new' | t }}</a>
      }
    </div>
    <nz-table
      data-testid="ticket-table"
      nzSize="middle"
      [nzData]="tickets.value()?.nodes ?? []"
      [nzFrontPagination]="false"
      [nzTotal]="tickets.value()?.totalCount ?? 0"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="20"
      [nzLoading]="tickets.isLoading()"
      [nzSimple]="narrow()"
      [nzScroll]="{ x: '760px' }"
      (nzPageIndexChange)="pageIndex.set($event)"
    >
      <thead>
        <tr>
          <th>{{ 'tickets.number' | t }}</th>
          <th>{{ 'tickets.customer' | t }}</th>
          <th>{{ 'tickets.urgency' | t }}</th>
          <th>{{ 'tickets.status' | t }}</th>
          <th>{{ 'tickets.deliveryDate' | t }}</th>
          <th>{{ 'tickets.createdAt' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (t of tickets.value()?.nodes ?? []; track t.id) {
          <tr data-testid="ticket-row" [attr.data-number]="t.number">
            <td><a [routerLink]="['/tickets', t.id]">{{ t.number }}</a></td>
            <td>{{ t.customer?.name ?? '—' }}</td>
            <td>{{ i18n.tDynamic('tickets.urgency.' + t.urgency, t.urgency) }}</td>
            <td><nz-tag [nzColor]="colors[t.status]">{{ i18n.tDynamic('tickets.status.' + t.status, t.status) }}</nz-tag></td>
            <td>{{ t.requestedDeliveryDate ?? '—' }}</td>
            <td>{{ t.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class TicketListPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly colors = STATUS_COLORS;
  protected readonly pageIndex = signal(1);
  protected readonly canCreate = computed(() => this.auth.hasAnyRole(['REP', 'SUPERVISOR', 'DIRECTOR', 'ADMIN']));
  protected readonly tickets = rxResource({
    params: () => pageVariables(this.pageIndex(), 20),
    stream: ({ params }) => this.apollo.query({ query: TICKETS, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.requirementTickets ?? null)),
  });
}
