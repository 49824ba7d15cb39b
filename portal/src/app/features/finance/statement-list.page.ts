import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { GENERATE_STATEMENTS, STATEMENTS, STATEMENT_DOCUMENT, type Statement, currentMonth, downloadBase64, shiftMonth } from './finance.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

const STATUS_COLOR: Record<string, string> = { PENDING: 'default', SENT: 'blue', NOT_SENT: 'orange', CONFIRMED: 'green', DISPUTED: 'red' };

/** Monthly statements: status (sent, confirmed, disputed), the customer's figure, PDF/XLSX download. */
@Component({
  selector: 'lx-finance-statements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, NzTableModule, NzButtonModule, NzIconModule, NzInputModule, NzTagModule, NzAlertModule, TranslatePipe, CnyPipe],
  styleUrl: './finance.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'finance.statements.title' | t }}</h1>
      @if (page(); as p) {
        <span class="lx-total" data-testid="statement-total">{{ 'finance.total' | t: { count: p.totalCount } }}</span>
      }
    </div>
    <div class="lx-filters">
      <input nz-input type="month" data-testid="statement-month" [value]="month()" (change)="month.set($any($event.target).value)" />
      @if (canGenerate()) {
        <button nz-button nzType="primary" data-testid="statement-generate" [nzLoading]="generating()" (click)="generate()">
          <nz-icon nzType="mail" />{{ 'finance.statements.generate' | t }}
        </button>
      }
    </div>
    @if (message(); as m) {
      <nz-alert nzShowIcon [nzType]="m.type" [nzMessage]="m.text" data-testid="statement-message" />
    }
    @if (statements.error()) {
      <lx-load-failed [message]="errorMessage()" (retry)="statements.reload()" />
    } @else {
      <nz-table
        #table
        data-testid="statement-table"
        nzSize="middle"
        [nzData]="page()?.nodes ?? []"
        [nzFrontPagination]="false"
        [nzTotal]="page()?.totalCount ?? 0"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="20"
        [nzLoading]="statements.isLoading()"
        [nzSimple]="narrow()"
        [nzScroll]="{ x: '1100px' }"
        (nzPageIndexChange)="pageIndex.set($event)"
      >
        <thead>
          <tr>
            <th nzWidth="200px" nzLeft>{{ 'finance.col.customer' | t }}</th>
            <th nzWidth="80px">{{ 'finance.col.month' | t }}</th>
            <th nzWidth="120px" nzAlign="right">{{ 'finance.col.opening' | t }}</th>
            <th nzWidth="120px" nzAlign="right">{{ 'finance.col.invoiced' | t }}</th>
            <th nzWidth="120px" nzAlign="right">{{ 'finance.col.paid' | t }}</th>
            <th nzWidth="130px" nzAlign="right">{{ 'finance.col.closing' | t }}</th>
            <th nzWidth="110px">{{ 'finance.col.status' | t }}</th>
            <th nzWidth="130px" nzAlign="right">{{ 'finance.col.customerAmount' | t }}</th>
            <th nzWidth="150px">{{ 'finance.col.files' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of table.data; track s.id) {
            <tr data-testid="statement-row" [attr.data-status]="s.status">
              <td nzLeft>{{ s.customerName }}<br /><small>{{ s.emailTo }}</small></td>
              <td>{{ s.month }}</td>
              <td class="lx-amount">{{ s.openingBalance | cny }}</td>
              <td class="lx-amount">{{ s.invoicedAmount | cny }}</td>
              <td class="lx-amount">{{ s.paidAmount | cny }}</td>
              <td class="lx-amount"><strong>{{ s.closingBalance | cny }}</strong></td>
              <td>
                <nz-tag [nzColor]="statusColor(s.status)" data-testid="statement-status">{{ statusLabel(s.status) }}</nz-tag>
                @if (s.mailError) {
                  <br /><small [title]="s.mailError">{{ 'finance.statements.mailFailed' | t }}</small>
                }
              </td>
              <td class="lx-amount">
                {{ s.customerAmount === null ? '—' : (s.customerAmount | cny) }}
                @if (s.customerComment) {
                  <br /><small>{{ s.customerComment }}</small>
                }
              </td>
              <td>
                <button nz-button nzSize="small" data-testid="statement-pdf" (click)="download(s, 'PDF')">PDF</button>
                <button nz-button nzSize="small" data-testid="statement-xlsx" (click)="download(s, 'XLSX')">XLSX</button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
  `,
})
export class StatementListPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);

  /** Statements are for a closed month: default to the previous one. */
  protected readonly month = signal(shiftMonth(currentMonth(), -1));
  protected readonly pageIndex = linkedSignal({ source: this.month, computation: () => 1 });
  protected readonly canGenerate = computed(() => (this.auth.viewer()?.roles ?? []).some((r) => r === 'FINANCE' || r === 'ADMIN'));
  protected readonly generating = signal(false);
  protected readonly message = signal<{ type: 'success' | 'error'; text: string } | null>(null);

  protected readonly statements = rxResource({
    params: () => ({ month: this.month() || undefined, ...pageVariables(this.pageIndex(), 20) }),
    stream: ({ params }) => this.apollo.query({ query: STATEMENTS, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.statements ?? null)),
  });
  protected readonly page = linkedSignal<ReturnType<typeof this.statements.value> | null, ReturnType<typeof this.statements.value> | null>({
    source: () => (this.statements.hasValue() ? this.statements.value() : null),
    computation: (next, previous) => next ?? (this.statements.isLoading() ? (previous?.value ?? null) : null),
  });

  protected statusColor(status: string): string {
    return STATUS_COLOR[status] ?? 'default';
  }

  protected statusLabel(status: string): string {
    return this.i18n.tDynamic(`finance.status.${status}`, status);
  }

  protected generate(): void {
    this.generating.set(true);
    this.message.set(null);
    this.apollo.mutate({ mutation: GENERATE_STATEMENTS, variables: { month: this.month() } }).subscribe({
      next: (r) => {
        this.generating.set(false);
        this.message.set({ type: 'success', text: this.i18n.t('finance.statements.generated', { count: r.data?.generateStatements.length ?? 0 }) });
        this.statements.reload();
      },
      error: (error: unknown) => {
        this.generating.set(false);
        this.message.set({ type: 'error', text: graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')) });
      },
    });
  }

  protected download(s: Statement, format: 'PDF' | 'XLSX'): void {
    this.apollo.query({ query: STATEMENT_DOCUMENT, variables: { id: s.id, format }, fetchPolicy: 'no-cache' }).subscribe({
      next: (r) => r.data && downloadBase64(r.data.statementDocument),
      error: (error: unknown) => this.message.set({ type: 'error', text: graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')) }),
    });
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.statements.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
