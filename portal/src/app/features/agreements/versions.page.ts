import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, of, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../shared/translate.pipe';
import { APPROVE_AGREEMENT, DIFF, REJECT_AGREEMENT, VERSIONS } from './agreements.graphql';
import { downloadAgreementPdf } from './pdf-download';

const STATUS_COLORS: Record<string, string> = { PENDING_LEGAL: 'blue', APPROVED: 'green', REJECTED: 'red' };

/** A ticket's agreement versions: status, PDF per version, and the field-level diff of two versions. */
@Component({
  selector: 'lx-versions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputModule, NzCardModule, NzSelectModule, NzTableModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    @if (data(); as d) {
      <div class="lx-page-header">
        <h1 class="lx-page-title">{{ 'agreements.versionsTitle' | t }} · <a [routerLink]="['/tickets', d.requirementTicket.id]">{{ d.requirementTicket.number }}</a></h1>
      </div>
      <nz-card class="lx-wo-card">
        @for (v of d.agreementVersions; track v.id) {
          <div data-testid="agreement-version" [attr.data-version]="v.version" [attr.data-status]="v.status">
            <b>v{{ v.version }}</b>
            <nz-tag [nzColor]="colors[v.status]">{{ i18n.tDynamic('agreements.status.' + v.status, v.status) }}</nz-tag>
            {{ v.createdAt | date: 'yyyy-MM-dd HH:mm' }}
            @if (v.legalComment) { · {{ v.legalComment }} }
            <button nz-button nzType="link" [attr.data-testid]="'agreement-pdf-v' + v.version" (click)="pdf(v.id)">{{ 'agreements.pdf' | t }}</button>
            @if (v.status === 'PENDING_LEGAL' && isLegal()) {
              <input nz-input nzSize="small" data-testid="version-legal-comment" [placeholder]="'agreements.rejectComment' | t" [ngModel]="comment()" (ngModelChange)="comment.set($event)" style="width: 180px" />
              <button nz-button nzSize="small" nzDanger data-testid="version-reject" (click)="review(v.id, false)">{{ 'agreements.reject' | t }}</button>
              <button nz-button nzSize="small" nzType="primary" data-testid="version-approve" (click)="review(v.id, true)">{{ 'agreements.approve' | t }}</button>
            }
          </div>
        }
        @if (error()) {
          <nz-alert nzType="error" nzShowIcon data-testid="version-error" [nzMessage]="error()!" />
        }
      </nz-card>
      @if (d.agreementVersions.length > 1) {
        <nz-card class="lx-wo-card" [nzTitle]="'agreements.diff' | t">
          <div class="lx-wo-actions">
            {{ 'agreements.from' | t }}
            <nz-select data-testid="diff-from" [ngModel]="from()" (ngModelChange)="from.set($event)" style="width: 90px">
              @for (v of d.agreementVersions; track v.id) { <nz-option [nzValue]="v.version" [nzLabel]="'v' + v.version" /> }
            </nz-select>
            {{ 'agreements.to' | t }}
            <nz-select data-testid="diff-to" [ngModel]="to()" (ngModelChange)="to.set($event)" style="width: 90px">
              @for (v of d.agreementVersions; track v.id) { <nz-option [nzValue]="v.version" [nzLabel]="'v' + v.version" /> }
            </nz-select>
          </div>
          <nz-table [nzData]="diff.value() ?? []" [nzFrontPagination]="false" nzSize="small" [nzNoResult]="'agreements.noChanges' | t" data-testid="diff-table">
            <thead><tr><th>{{ 'agreements.field' | t }}</th><th>{{ 'agreements.before' | t }}</th><th>{{ 'agreements.after' | t }}</th></tr></thead>
            <tbody>
              @for (c of diff.value() ?? []; track c.field) {
                <tr data-testid="diff-row" [attr.data-field]="c.field">
                  <td>{{ i18n.lang() === 'zh' ? c.labelZh : c.labelEn }}</td>
                  <td><del>{{ c.before ?? ('tickets.craftHidden' | t) }}</del></td>
                  <td><ins>{{ c.after ?? ('tickets.craftHidden' | t) }}</ins></td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-card>
      }
    }
  `,
})
export class VersionsPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly colors = STATUS_COLORS;
  readonly ticketId = input.required<string>();

  protected readonly versions = rxResource({
    params: () => ({ ticketId: this.ticketId() }),
    stream: ({ params }) => this.apollo.query({ query: VERSIONS, variables: params, fetchPolicy: 'network-only', errorPolicy: 'all' }).pipe(map((r) => r.data ?? null)),
  });
  protected readonly data = computed(() => (this.versions.hasValue() ? this.versions.value() : null));
  private readonly numbers = computed(() => (this.data()?.agreementVersions ?? []).map((v) => v.version));
  protected readonly from = linkedSignal(() => this.numbers().at(-2) ?? null);
  protected readonly to = linkedSignal(() => this.numbers().at(-1) ?? null);

  protected readonly diff = rxResource({
    params: () => ({ ticketId: this.ticketId(), from: this.from(), to: this.to() }),
    stream: ({ params }) =>
      params.from === null || params.to === null
        ? of([])
        : this.apollo
            .query({ query: DIFF, variables: { ticketId: params.ticketId, from: params.from, to: params.to }, fetchPolicy: 'network-only', errorPolicy: 'all' })
            .pipe(map((r) => r.data?.agreementDiff ?? [])),
  });

  protected pdf(id: string): Promise<void> {
    return downloadAgreementPdf(this.apollo, id);
  }

  private readonly auth = inject(AuthService);
  protected readonly isLegal = () => this.auth.hasAnyRole(['LEGAL']);
  protected readonly comment = signal('');
  protected readonly error = signal<string | null>(null);

  protected async review(id: string, approve: boolean): Promise<void> {
    this.error.set(null);
    try {
      if (approve) await firstValueFrom(this.apollo.mutate({ mutation: APPROVE_AGREEMENT, variables: { id } }));
      else await firstValueFrom(this.apollo.mutate({ mutation: REJECT_AGREEMENT, variables: { id, comment: this.comment() } }));
      this.versions.reload();
    } catch (e) {
      this.error.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    }
  }
}
