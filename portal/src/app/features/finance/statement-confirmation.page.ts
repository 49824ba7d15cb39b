import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CONFIRM_STATEMENT, DISPUTE_STATEMENT, STATEMENT_FOR_CONFIRMATION, type StatementForCustomer } from './finance.graphql';

/** The customer's page behind the e-mailed link: no login, the token is the credential. */
@Component({
  selector: 'lx-statement-confirmation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [FormsModule, NzCardModule, NzTableModule, NzFormModule, NzInputModule, NzInputNumberModule, NzButtonModule, NzAlertModule, NzResultModule, TranslatePipe, CnyPipe],
  styleUrl: './finance-confirm.less',
  template: `
    <div class="lx-finance-confirm">
      <button nz-button nzType="link" (click)="i18n.toggle()">{{ 'lang.switch' | t }}</button>
      @if (statement.error()) {
        <nz-result nzStatus="warning" data-testid="confirm-invalid" [nzTitle]="'finance.confirm.invalid' | t" [nzSubTitle]="error(statement.error())" />
      } @else if (current(); as s) {
        <nz-card [nzTitle]="('finance.confirm.title' | t) + ' ' + s.month">
          <p><strong>{{ s.customerName }}</strong> · {{ s.number }}</p>
          <div class="lx-finance-summary">
            <div>{{ 'finance.col.opening' | t }}<br /><strong>{{ s.openingBalance | cny }}</strong></div>
            <div>{{ 'finance.col.invoiced' | t }}<br /><strong>{{ s.invoicedAmount | cny }}</strong></div>
            <div>{{ 'finance.col.paid' | t }}<br /><strong>{{ s.paidAmount | cny }}</strong></div>
            <div>{{ 'finance.col.closing' | t }}<br /><strong data-testid="confirm-closing">{{ s.closingBalance | cny }}</strong></div>
          </div>
          <nz-table #lines nzSize="small" [nzData]="s.lines" [nzShowPagination]="false" [nzFrontPagination]="false" [nzScroll]="{ x: '560px' }">
            <thead><tr><th>{{ 'finance.col.date' | t }}</th><th>{{ 'finance.col.kind' | t }}</th><th>{{ 'finance.col.reference' | t }}</th><th>{{ 'finance.col.contract' | t }}</th><th nzAlign="right">{{ 'finance.col.amount' | t }}</th></tr></thead>
            <tbody>
              @for (l of lines.data; track $index) {
                <tr><td>{{ l.date }}</td><td>{{ (l.kind === 'INVOICE' ? 'finance.kind.invoice' : 'finance.kind.payment') | t }}</td><td>{{ l.reference }}</td><td>{{ l.contractNumber }}</td><td class="lx-amount">{{ l.amount | cny }}</td></tr>
              }
            </tbody>
          </nz-table>
          @if (s.status === 'CONFIRMED' || s.status === 'DISPUTED') {
            <nz-result nzStatus="success" data-testid="confirm-done"
              [nzTitle]="(s.status === 'CONFIRMED' ? 'finance.confirm.confirmed' : 'finance.confirm.disputed') | t"
              [nzSubTitle]="(s.customerAmount ?? 0 | cny) + (s.customerComment ? ' · ' + s.customerComment : '')" />
          } @else {
            <form nz-form nzLayout="vertical" class="lx-finance-section">
              <nz-form-item>
                <nz-form-label nzRequired>{{ 'finance.confirm.yourFigure' | t }}</nz-form-label>
                <nz-form-control>
                  <nz-input-number name="amount" data-testid="confirm-amount" [nzPrecision]="2" [nzStep]="100" [ngModel]="amount() ?? s.closingBalance" (ngModelChange)="amount.set($event)" />
                </nz-form-control>
              </nz-form-item>
              <nz-form-item>
                <nz-form-label>{{ 'finance.confirm.comment' | t }}</nz-form-label>
                <nz-form-control><textarea nz-input rows="3" name="comment" data-testid="confirm-comment" [ngModel]="comment()" (ngModelChange)="comment.set($event)"></textarea></nz-form-control>
              </nz-form-item>
              @if (submitError()) {
                <nz-alert nzType="error" [nzMessage]="submitError()!" data-testid="confirm-error" />
              }
              <button nz-button nzType="primary" data-testid="confirm-submit" [nzLoading]="busy()" (click)="answer(s, 'CONFIRM')">{{ 'finance.confirm.confirm' | t }}</button>
              <button nz-button nzDanger data-testid="dispute-submit" [nzLoading]="busy()" (click)="answer(s, 'DISPUTE')">{{ 'finance.confirm.dispute' | t }}</button>
            </form>
          }
        </nz-card>
      }
    </div>
  `,
})
export class StatementConfirmationPage {
  /** ?token=… from the e-mail link (component input binding). */
  readonly token = input<string>('');
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly amount = signal<number | null>(null);
  protected readonly comment = signal('');
  protected readonly busy = signal(false);
  protected readonly submitError = signal<string | null>(null);
  private readonly answered = signal<StatementForCustomer | null>(null);

  protected readonly statement = rxResource({
    params: () => ({ token: this.token() ?? '' }),
    stream: ({ params }) => this.apollo.query({ query: STATEMENT_FOR_CONFIRMATION, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.statementForConfirmation ?? null)),
  });

  protected current(): StatementForCustomer | null {
    return this.answered() ?? this.statement.value() ?? null;
  }

  protected answer(s: StatementForCustomer, kind: 'CONFIRM' | 'DISPUTE'): void {
    const amount = this.amount() ?? s.closingBalance;
    const comment = this.comment().trim();
    if (kind === 'DISPUTE' && !comment) {
      this.submitError.set(this.i18n.t('finance.confirm.commentRequired'));
      return;
    }
    this.busy.set(true);
    this.submitError.set(null);
    const done = {
      next: (statement: StatementForCustomer | undefined) => {
        this.busy.set(false);
        if (statement) this.answered.set(statement);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.submitError.set(this.error(error));
      },
    };
    if (kind === 'CONFIRM') {
      this.apollo.mutate({ mutation: CONFIRM_STATEMENT, variables: { token: this.token(), amount, comment: comment || null } }).pipe(map((r) => r.data?.confirmStatement.statement)).subscribe(done);
    } else {
      this.apollo.mutate({ mutation: DISPUTE_STATEMENT, variables: { token: this.token(), amount, comment } }).pipe(map((r) => r.data?.disputeStatement.statement)).subscribe(done);
    }
  }

  protected error(e: unknown): string {
    return graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
