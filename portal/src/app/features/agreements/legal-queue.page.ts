import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { APPROVE_AGREEMENT, LEGAL_QUEUE, type QueueRow, REJECT_AGREEMENT } from './agreements.graphql';
import { downloadAgreementPdf } from './pdf-download';

/** Agreement versions waiting for legal, oldest first: PDF, approve, or reject with a comment. */
@Component({
  selector: 'lx-legal-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputModule, NzTableModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'agreements.legalTitle' | t }}</h1>
      <span class="lx-total" data-testid="legal-total">{{ queue.value()?.totalCount ?? 0 }}</span>
    </div>
    @if (error()) { <nz-alert nzType="error" nzShowIcon data-testid="legal-error" [nzMessage]="error()!" /> }
    <nz-table
      data-testid="legal-table"
      nzSize="middle"
      [nzData]="queue.value()?.nodes ?? []"
      [nzFrontPagination]="false"
      [nzTotal]="queue.value()?.totalCount ?? 0"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="20"
      [nzLoading]="queue.isLoading()"
      [nzSimple]="narrow()"
      [nzNoResult]="'agreements.empty' | t"
      [nzScroll]="{ x: '860px' }"
      (nzPageIndexChange)="pageIndex.set($event)"
    >
      <thead>
        <tr><th>{{ 'agreements.ticket' | t }}</th><th>{{ 'agreements.version' | t }}</th><th>{{ 'agreements.createdAt' | t }}</th><th></th></tr>
      </thead>
      <tbody>
        @for (row of queue.value()?.nodes ?? []; track row.id) {
          <tr data-testid="legal-row" [attr.data-ticket]="row.ticket?.number">
            <td>
              @if (row.ticket) { <a [routerLink]="['/agreements', row.ticket.id]">{{ row.ticket.number }}</a> {{ row.ticket.customer?.name ?? '' }} }
            </td>
            <td>v{{ row.version }}</td>
            <td>{{ row.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              @if (done().has(row.id)) {
                <span data-testid="legal-done">{{ 'agreements.done' | t }}</span>
              } @else {
                <button nz-button nzType="link" (click)="pdf(row.id)">{{ 'agreements.pdf' | t }}</button>
                @if (isLegal()) {
                  <input nz-input nzSize="small" data-testid="legal-comment" [placeholder]="'agreements.rejectComment' | t" [ngModel]="comments()[row.id] || ''" (ngModelChange)="setComment(row.id, $event)" style="width: 180px" />
                  <button nz-button nzSize="small" nzDanger data-testid="legal-reject" (click)="review(row, false)">{{ 'agreements.reject' | t }}</button>
                  <button nz-button nzSize="small" nzType="primary" data-testid="legal-approve" (click)="review(row, true)">{{ 'agreements.approve' | t }}</button>
                }
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
export class LegalQueuePage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly pageIndex = signal(1);
  protected readonly error = signal<string | null>(null);
  protected readonly comments = signal<Record<string, string>>({});
  protected readonly done = signal(new Set<string>());
  protected readonly isLegal = () => this.auth.hasAnyRole(['LEGAL']);

  protected readonly queue = rxResource({
    params: () => pageVariables(this.pageIndex(), 20),
    stream: ({ params }) => this.apollo.query({ query: LEGAL_QUEUE, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.legalQueue ?? null)),
  });

  protected setComment(id: string, v: string): void {
    this.comments.update((c) => ({ ...c, [id]: v }));
  }

  protected pdf(id: string): Promise<void> {
    return downloadAgreementPdf(this.apollo, id);
  }

  protected async review(row: QueueRow, approve: boolean): Promise<void> {
    this.error.set(null);
    try {
      if (approve) await firstValueFrom(this.apollo.mutate({ mutation: APPROVE_AGREEMENT, variables: { id: row.id } }));
      else await firstValueFrom(this.apollo.mutate({ mutation: REJECT_AGREEMENT, variables: { id: row.id, comment: this.comments()[row.id] || '' } }));
      this.done.update((s) => new Set(s).add(row.id));
    } catch (e) {
      this.error.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    }
  }
}
