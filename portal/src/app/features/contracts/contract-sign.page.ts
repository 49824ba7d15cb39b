import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Refusal, refusalOf } from '../customers/refusal';
import { CnyPipe } from '../../shared/cny.pipe';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CREATE_CONTRACT, SIGN_CONTEXT, SIGN_CONTRACT } from './contracts.graphql';

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The contract of a ticket: drafted from the legally approved agreement version (amount, margin,
 * payment terms, line), then signed with the scan's SHA-256 and an idempotency key kept for retries.
 */
@Component({
  selector: 'lx-contract-sign-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzTagModule, TranslatePipe, CnyPipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    @if (ctx(); as c) {
      <div class="lx-page-header">
        <h1 class="lx-page-title">{{ 'contracts.title' | t }} · <a [routerLink]="['/tickets', c.requirementTicket.id]">{{ c.requirementTicket.number }}</a></h1>
      </div>
      <p>{{ c.requirementTicket.customer?.name ?? '' }}</p>
      @if (contract(); as k) {
        <nz-card class="lx-wo-card" data-testid="contract-card">
          <p>{{ 'contracts.number' | t }}：<b data-testid="contract-number">{{ k.number }}</b> · v{{ k.agreementVersion }} · {{ k.amount | cny }}</p>
          <p>{{ 'contracts.status' | t }}：<nz-tag data-testid="contract-status" [attr.data-status]="k.status" [nzColor]="k.status === 'SIGNED' ? 'green' : 'blue'">{{ i18n.tDynamic('contracts.status.' + k.status, k.status) }}</nz-tag>
            @if (k.signedAt) { {{ 'contracts.signedAt' | t }} {{ k.signedAt | date: 'yyyy-MM-dd HH:mm' }} · {{ k.signedByName }} }
          </p>
          @if (k.status === 'DRAFT') {
            <div class="lx-wo-field">
              <label>{{ 'contracts.scan' | t }}</label>
              <input type="file" accept=".pdf,.png,.jpg,.jpeg" data-testid="contract-scan" (change)="scan.set($any($event.target).files?.[0] ?? null)" />
            </div>
            <div class="lx-wo-actions">
              <button nz-button nzType="primary" data-testid="contract-sign" [disabled]="!scan()" [nzLoading]="busy()" (click)="sign(k.id)">{{ 'contracts.sign' | t }}</button>
            </div>
          } @else {
            <nz-alert nzType="success" nzShowIcon data-testid="contract-signed" [nzMessage]="'contracts.signed' | t" />
          }
        </nz-card>
      } @else if (approved(); as a) {
        <nz-card class="lx-wo-card" [nzTitle]="('contracts.agreement' | t) + ' v' + a.version">
          <div class="lx-wo-grid">
            <div class="lx-wo-field"><label>{{ 'contracts.amount' | t }}</label><input nz-input type="number" data-testid="contract-amount" [ngModel]="amount()" (ngModelChange)="amount.set($event)" /></div>
            <div class="lx-wo-field"><label>{{ 'contracts.grossMargin' | t }}</label><input nz-input type="number" data-testid="contract-margin" [ngModel]="marginPct()" (ngModelChange)="marginPct.set($event)" /></div>
            <div class="lx-wo-field"><label>{{ 'contracts.paymentTerms' | t }}</label><input nz-input data-testid="contract-terms" [ngModel]="terms()" (ngModelChange)="terms.set($event)" /></div>
            <div class="lx-wo-field"><label>{{ 'contracts.firstPaymentDue' | t }}</label><input nz-input type="date" data-testid="contract-first-payment" [ngModel]="firstPayment()" (ngModelChange)="firstPayment.set($event)" /></div>
            <div class="lx-wo-field"><label>{{ 'contracts.sku' | t }}</label><input nz-input data-testid="contract-sku" [ngModel]="sku()" (ngModelChange)="sku.set($event)" /></div>
            <div class="lx-wo-field"><label>{{ 'contracts.partName' | t }}</label><input nz-input data-testid="contract-part" [ngModel]="partName()" (ngModelChange)="partName.set($event)" /></div>
            <div class="lx-wo-field"><label>{{ 'contracts.quantity' | t }}</label><input nz-input type="number" data-testid="contract-quantity" [ngModel]="quantity() ?? c.requirementTicket.quantity" (ngModelChange)="quantity.set($event)" /></div>
          </div>
          <div class="lx-wo-actions">
            <button nz-button nzType="primary" data-testid="contract-create" [nzLoading]="busy()" (click)="create(a.id, c.requirementTicket.quantity)">{{ 'contracts.create' | t }}</button>
          </div>
        </nz-card>
      } @else {
        <nz-alert nzType="info" nzShowIcon data-testid="contract-no-agreement" [nzMessage]="'contracts.noApproved' | t" />
      }
      @if (refusal(); as r) {
        <nz-alert nzType="error" nzShowIcon data-testid="contract-refusal" [nzMessage]="r.message" [nzDescription]="r.details.join('；')" />
      }
    }
  `,
})
export class ContractSignPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  readonly ticketId = input.required<string>();

  protected readonly context = rxResource({
    params: () => ({ ticketId: this.ticketId() }),
    stream: ({ params }) => this.apollo.query({ query: SIGN_CONTEXT, variables: params, fetchPolicy: 'network-only', errorPolicy: 'all' }).pipe(map((r) => r.data ?? null)),
  });
  protected readonly ctx = computed(() => (this.context.hasValue() ? this.context.value() : null));
  protected readonly contract = computed(() => this.ctx()?.contracts?.nodes[0] ?? null);
  /** The newest legally approved version. */
  protected readonly approved = computed(() => [...(this.ctx()?.agreementVersions ?? [])].reverse().find((v) => v.status === 'APPROVED') ?? null);

  protected readonly amount = signal<string>('');
  protected readonly marginPct = signal<string>('');
  protected readonly terms = signal('30% 预付，70% 发货前付清');
  protected readonly firstPayment = signal('');
  protected readonly sku = signal('');
  protected readonly partName = signal('');
  protected readonly quantity = signal<string | null>(null);
  protected readonly scan = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);
  /** One key per signing attempt on this page: a retry after a lost answer is answered, not repeated. */
  private readonly signKey = `sign-${crypto.randomUUID()}`;

  private async run(work: () => Promise<unknown>): Promise<void> {
    this.busy.set(true);
    this.refusal.set(null);
    try {
      await work();
      this.context.reload();
    } catch (e) {
      this.refusal.set(refusalOf(e, this.i18n.lang(), this.i18n.t('contracts.refused')));
    } finally {
      this.busy.set(false);
    }
  }

  protected create(agreementId: string, ticketQuantity: number | null): Promise<void> {
    return this.run(() =>
      firstValueFrom(
        this.apollo.mutate({
          mutation: CREATE_CONTRACT,
          variables: {
            input: {
              ticketId: this.ticketId(), agreementId, amount: Number(this.amount()), grossMargin: Number(this.marginPct()) / 100, currency: 'CNY',
              paymentTerms: this.terms(), firstPaymentDueDate: this.firstPayment() || null,
              lines: [{ sku: this.sku(), partName: this.partName(), quantity: Number(this.quantity() ?? ticketQuantity ?? 0) }],
            },
          },
        }),
      ),
    );
  }

  protected sign(contractId: string): Promise<void> {
    const file = this.scan();
    if (!file) return Promise.resolve();
    return this.run(async () => firstValueFrom(this.apollo.mutate({ mutation: SIGN_CONTRACT, variables: { id: contractId, sha: await sha256Hex(file), key: this.signKey } })));
  }
}
