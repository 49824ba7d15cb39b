import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { LoadFailedComponent } from '../../shared/load-failed.component';
import {
  CONTRACT_OPTIONS, INVOICES, type Invoice, PAYMENTS, type Payment, RECORD_INVOICE, RECORD_PAYMENT, currentMonth, newIdempotencyKey,
} from './finance.graphql';

type Row = { id: string; date: string; reference: string; contractNumber: string; customer: string; region: string; amount: number; note: string };

/** Invoices or payments (route data `kind`), by month, with a form for finance to record one. */
@Component({
  selector: 'lx-finance-ledger-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    FormsModule, NzTableModule, NzButtonModule, NzIconModule, NzInputModule, NzInputNumberModule, NzModalModule, NzFormModule,
    NzSelectModule, TranslatePipe, CnyPipe,
  ],
  styleUrl: './finance-form.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ (kind() === 'invoices' ? 'finance.invoices.title' : 'finance.payments.title') | t }}</h1>
      @if (page(); as p) {
        <span class="lx-total" data-testid="finance-total">{{ 'finance.total' | t: { count: p.totalCount } }}</span>
      }
    </div>
    <div class="lx-filters">
      <input nz-input type="month" data-testid="finance-month" [value]="month()" (change)="month.set($any($event.target).value)" />
      @if (canRecord()) {
        <button nz-button nzType="primary" data-testid="finance-record" (click)="openForm()">
          <nz-icon nzType="plus" />{{ (kind() === 'invoices' ? 'finance.invoices.record' : 'finance.payments.record') | t }}
        </button>
      }
    </div>
    @if (rows.error()) {
      <lx-load-failed [message]="errorMessage()" (retry)="rows.reload()" />
    } @else {
      <nz-table
        #table
        data-testid="finance-table"
        nzSize="middle"
        [nzData]="page()?.rows ?? []"
        [nzFrontPagination]="false"
        [nzTotal]="page()?.totalCount ?? 0"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="20"
        [nzLoading]="rows.isLoading()"
        [nzSimple]="narrow()"
        [nzScroll]="{ x: '820px' }"
        (nzPageIndexChange)="pageIndex.set($event)"
      >
        <thead>
          <tr>
            <th nzWidth="110px">{{ 'finance.col.date' | t }}</th>
            <th nzWidth="150px">{{ (kind() === 'invoices' ? 'finance.col.invoiceNumber' : 'finance.col.reference') | t }}</th>
            <th nzWidth="120px">{{ 'finance.col.contract' | t }}</th>
            <th>{{ 'finance.col.customer' | t }}</th>
            <th nzWidth="80px">{{ 'finance.col.region' | t }}</th>
            <th nzWidth="140px" nzAlign="right">{{ 'finance.col.amount' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.id) {
            <tr data-testid="finance-row">
              <td>{{ row.date }}</td>
              <td>{{ row.reference }}</td>
              <td>{{ row.contractNumber }}</td>
              <td>{{ row.customer }}</td>
              <td>{{ row.region }}</td>
              <td class="lx-amount">{{ row.amount | cny }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    }

    <nz-modal
      [nzVisible]="formOpen()"
      [nzTitle]="(kind() === 'invoices' ? 'finance.invoices.record' : 'finance.payments.record') | t"
      [nzOkText]="'finance.form.save' | t"
      [nzOkLoading]="saving()"
      (nzOnCancel)="formOpen.set(false)"
      (nzOnOk)="save()"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" data-testid="finance-form">
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'finance.col.contract' | t }}</nz-form-label>
            <nz-form-control>
              <nz-select nzShowSearch name="contract" data-testid="finance-form-contract" [ngModel]="contractId()" (ngModelChange)="contractId.set($event)">
                @for (c of contracts.value() ?? []; track c.id) {
                  <nz-option [nzValue]="c.id" [nzLabel]="c.number + ' · ' + (c.amount | cny)" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          @if (kind() === 'invoices') {
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'finance.col.invoiceNumber' | t }}</nz-form-label>
              <nz-form-control><input nz-input name="number" data-testid="finance-form-number" [ngModel]="reference()" (ngModelChange)="reference.set($event)" /></nz-form-control>
            </nz-form-item>
          } @else {
            <nz-form-item>
              <nz-form-label>{{ 'finance.col.reference' | t }}</nz-form-label>
              <nz-form-control><input nz-input name="reference" data-testid="finance-form-reference" [ngModel]="reference()" (ngModelChange)="reference.set($event)" /></nz-form-control>
            </nz-form-item>
          }
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'finance.col.amount' | t }}</nz-form-label>
            <nz-form-control>
              <nz-input-number name="amount" data-testid="finance-form-amount" [nzMin]="0.01" [nzStep]="100" [nzPrecision]="2" [ngModel]="amount()" (ngModelChange)="amount.set($event)" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'finance.col.date' | t }}</nz-form-label>
            <nz-form-control><input nz-input type="date" name="date" data-testid="finance-form-date" [ngModel]="date()" (ngModelChange)="date.set($event)" /></nz-form-control>
          </nz-form-item>
          @if (formError()) {
            <div class="ant-form-item-explain-error" role="alert" data-testid="finance-form-error">{{ formError() }}</div>
          }
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class LedgerListPage {
  /** From the route data. */
  readonly kind = input<'invoices' | 'payments'>('invoices');
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);

  protected readonly month = signal(currentMonth());
  protected readonly pageIndex = linkedSignal({ source: this.month, computation: () => 1 });
  protected readonly canRecord = computed(() => (this.auth.viewer()?.roles ?? []).some((r) => r === 'FINANCE' || r === 'ADMIN'));

  protected readonly rows = rxResource({
    params: () => ({ kind: this.kind(), month: this.month() || undefined, ...pageVariables(this.pageIndex(), 20) }),
    stream: ({ params }) => {
      const variables = { first: params.first, offset: params.offset, month: params.month };
      return params.kind === 'invoices'
        ? this.apollo.query({ query: INVOICES, variables, fetchPolicy: 'network-only' }).pipe(map((r) => ({ totalCount: r.data?.invoices.totalCount ?? 0, rows: (r.data?.invoices.nodes ?? []).map(invoiceRow) })))
        : this.apollo.query({ query: PAYMENTS, variables, fetchPolicy: 'network-only' }).pipe(map((r) => ({ totalCount: r.data?.payments.totalCount ?? 0, rows: (r.data?.payments.nodes ?? []).map(paymentRow) })));
    },
  });
  protected readonly page = linkedSignal<{ totalCount: number; rows: Row[] } | null, { totalCount: number; rows: Row[] } | null>({
    source: () => (this.rows.hasValue() ? this.rows.value() : null),
    computation: (next, previous) => next ?? (this.rows.isLoading() ? (previous?.value ?? null) : null),
  });

  protected readonly formOpen = signal(false);
  protected readonly contracts = rxResource({
    params: () => (this.formOpen() ? true : undefined),
    stream: () => this.apollo.query({ query: CONTRACT_OPTIONS, variables: {}, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.contracts.nodes ?? [])),
  });
  protected readonly contractId = signal<string | null>(null);
  protected readonly reference = signal('');
  protected readonly amount = signal<number | null>(null);
  protected readonly date = signal(new Date().toISOString().slice(0, 10));
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  private idempotencyKey = '';

  protected openForm(): void {
    this.contractId.set(null);
    this.reference.set('');
    this.amount.set(null);
    this.formError.set(null);
    this.idempotencyKey = newIdempotencyKey(this.kind() === 'invoices' ? 'inv' : 'pay');
    this.formOpen.set(true);
  }

  protected save(): void {
    const contractId = this.contractId();
    const amount = this.amount();
    if (!contractId || !amount || !this.date() || (this.kind() === 'invoices' && !this.reference().trim())) {
      this.formError.set(this.i18n.t('finance.form.incomplete'));
      return;
    }
    this.saving.set(true);
    const done = {
      next: () => {
        this.saving.set(false);
        this.formOpen.set(false);
        this.rows.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
      },
    };
    if (this.kind() === 'invoices') {
      this.apollo.mutate({ mutation: RECORD_INVOICE, variables: { input: { contractId, number: this.reference().trim(), amount, issuedOn: this.date(), idempotencyKey: this.idempotencyKey } } }).subscribe(done);
    } else {
      this.apollo.mutate({ mutation: RECORD_PAYMENT, variables: { input: { contractId, amount, receivedOn: this.date(), reference: this.reference().trim() || null, idempotencyKey: this.idempotencyKey } } }).subscribe(done);
    }
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.rows.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}

function invoiceRow(i: Invoice): Row {
  return { id: i.id, date: i.issuedOn, reference: i.number, contractNumber: i.contractNumber, customer: i.customer?.name ?? i.customerId, region: i.region, amount: i.amount, note: i.note ?? '' };
}

function paymentRow(p: Payment): Row {
  return { id: p.id, date: p.receivedOn, reference: p.reference ?? '—', contractNumber: p.contractNumber, customer: p.customer?.name ?? p.customerId, region: p.region, amount: p.amount, note: '' };
}
