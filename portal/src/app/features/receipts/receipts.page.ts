import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { DISPUTE_FLAG, PROVINCE_OPTIONS, RECEIPTS_PAGE, RECORD_RECEIPT, Receipt } from './receipts.graphql';

/** Sell-through receipt entry (one end-customer sale with its signed receipt) and 窜货 disputes. */
@Component({
  selector: 'lx-receipts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, NzButtonModule, NzCardModule, NzInputModule, NzSpinModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  styles: `
    .lx-rc-form { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); }
    .lx-rc-form label { display: flex; flex-direction: column; font-size: 13px; gap: 2px; }
    .lx-rc-form select, .lx-rc-form input { height: 32px; }
    .lx-rc-row { padding: 8px 0; border-bottom: 1px solid #f0f0f0; font-size: 13px; }
  `,
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'receipts.title' | t }}</h1></div>
    <nz-card [nzTitle]="'receipts.new' | t" style="margin-bottom: 12px">
      <div class="lx-rc-form">
        <label>{{ 'receipts.sku' | t }}
          <select [ngModel]="skuCode()" (ngModelChange)="pickSku($event)" data-testid="receipt-sku">
            @for (s of page.value()?.skus?.nodes ?? []; track s.code) { <option [value]="s.code">{{ s.code }} {{ s.name }}</option> }
          </select></label>
        <label>{{ 'receipts.quantity' | t }}<input nz-input type="number" min="1" [ngModel]="quantity()" (ngModelChange)="quantity.set(+$event)" data-testid="receipt-quantity" /></label>
        <label>{{ 'receipts.unitPrice' | t }}<input nz-input type="number" min="0" step="0.01" [ngModel]="unitPrice()" (ngModelChange)="unitPrice.set(+$event)" data-testid="receipt-price" /></label>
        <label>{{ 'receipts.customer' | t }}<input nz-input [ngModel]="customer()" (ngModelChange)="customer.set($event)" data-testid="receipt-customer" /></label>
        <label>{{ 'receipts.province' | t }}
          <select [ngModel]="province()" (ngModelChange)="province.set($event)" data-testid="receipt-province">
            @for (p of provinces; track p.code) { <option [value]="p.code">{{ p.name }}</option> }
          </select></label>
        <label>{{ 'receipts.number' | t }}<input nz-input [ngModel]="receiptNumber()" (ngModelChange)="receiptNumber.set($event)" data-testid="receipt-number" /></label>
        <label>{{ 'receipts.photo' | t }}<input type="file" accept="image/jpeg,image/png" capture="environment" (change)="pickPhoto($event)" data-testid="receipt-photo" /></label>
      </div>
      <div style="margin-top: 8px"><button nz-button nzType="primary" (click)="record()" [disabled]="busy()" data-testid="receipt-submit">{{ 'receipts.submit' | t }}</button></div>
      @if (message()) { <div data-testid="receipt-message" style="margin-top: 8px" [style.color]="failed() ? '#cf1322' : '#389e0d'">{{ message() }}</div> }
    </nz-card>
    <nz-card [nzTitle]="'receipts.recent' | t">
      <nz-spin [nzSpinning]="page.isLoading()">
        @for (r of page.value()?.sellThroughReceipts?.nodes ?? []; track r.id) {
          <div class="lx-rc-row" data-testid="receipt-row">
            {{ r.recordedAt | date: 'yyyy-MM-dd' }} · {{ r.receiptNumber }} · {{ r.skuCode }} × {{ r.quantity }} · {{ r.endCustomerName }}
            @if (r.crossRegionFlag) {
              <nz-tag nzColor="red">窜货 {{ r.flagStatus }}</nz-tag>
              <div style="color: #888">{{ r.flagReason }}</div>
              @if (r.flagStatus === 'FLAGGED') {
                @if (disputing() === r.id) {
                  <div class="lx-rc-form" style="margin-top: 4px">
                    <label>{{ 'receipts.disputeComment' | t }}<input nz-input [ngModel]="comment()" (ngModelChange)="comment.set($event)" data-testid="dispute-comment" /></label>
                    <label>{{ 'receipts.disputeEvidence' | t }}<input nz-input [ngModel]="evidence()" (ngModelChange)="evidence.set($event)" data-testid="dispute-evidence" /></label>
                  </div>
                  <button nz-button nzSize="small" (click)="dispute(r)" data-testid="dispute-submit">{{ 'receipts.disputeSubmit' | t }}</button>
                } @else {
                  <button nz-button nzSize="small" (click)="disputing.set(r.id)" data-testid="dispute-open">{{ 'receipts.dispute' | t }}</button>
                }
              }
            }
          </div>
        }
      </nz-spin>
    </nz-card>
  `,
})
export class ReceiptsPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly provinces = PROVINCE_OPTIONS;
  protected readonly skuCode = signal('');
  protected readonly quantity = signal(1);
  protected readonly unitPrice = signal(0);
  protected readonly customer = signal('');
  protected readonly province = signal('');
  protected readonly receiptNumber = signal('');
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);
  protected readonly disputing = signal<string | null>(null);
  protected readonly comment = signal('');
  protected readonly evidence = signal('');
  private photo: { base64: string; mimeType: string } | null = null;
  private idempotencyKey = this.newKey();
  protected readonly page = rxResource({
    params: () => ({ dealerId: this.auth.viewer()?.dealer?.id ?? null }),
    stream: ({ params }) =>
      params.dealerId ? this.apollo.query({ query: RECEIPTS_PAGE, variables: { dealerId: params.dealerId }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null)) : of(null),
  });

  constructor() {
    // Defaults once the catalogue and territory are known: first SKU at list price, own province.
    effect(() => {
      const p = this.page.value();
      if (!p || this.skuCode()) return;
      const first = p.skus.nodes[0];
      if (first) this.pickSku(first.code);
      this.province.set(p.dealer.territories[0]?.provinceCode ?? PROVINCE_OPTIONS[0].code);
    });
  }

  private newKey(): string {
    return `rc-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  }

  protected pickSku(code: string): void {
    this.skuCode.set(code);
    const sku = this.page.value()?.skus.nodes.find((s) => s.code === code);
    if (sku) this.unitPrice.set(sku.price);
  }

  protected pickPhoto(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => { this.photo = { base64: String(reader.result).replace(/^data:[^;]*;base64,/, ''), mimeType: file.type || 'image/jpeg' }; };
    reader.readAsDataURL(file);
  }

  protected record(): void {
    this.busy.set(true);
    const input = {
      skuCode: this.skuCode(), quantity: this.quantity(), unitPrice: this.unitPrice(), endCustomerName: this.customer(),
      deliveryProvinceCode: this.province(), receiptNumber: this.receiptNumber(), imageBase64: this.photo?.base64 ?? '', imageMimeType: this.photo?.mimeType ?? '',
      idempotencyKey: this.idempotencyKey,
    };
    this.apollo.mutate({ mutation: RECORD_RECEIPT, variables: { input } }).subscribe({
      next: (r) => {
        const saved = r.data?.recordSellThrough;
        this.failed.set(false);
        this.message.set(saved?.crossRegionFlag ? this.i18n.t('receipts.savedFlagged', { reason: saved.flagReason ?? '' }) : this.i18n.t('receipts.saved', { number: saved?.receiptNumber ?? '' }));
        this.idempotencyKey = this.newKey();
        this.receiptNumber.set('');
        this.busy.set(false);
        this.page.reload();
      },
      error: (e) => {
        this.failed.set(true);
        this.message.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed')));
        this.busy.set(false);
      },
    });
  }

  protected dispute(r: Receipt): void {
    this.apollo.mutate({ mutation: DISPUTE_FLAG, variables: { input: { receiptId: r.id, comment: this.comment(), evidenceNote: this.evidence() } } }).subscribe({
      next: () => { this.disputing.set(null); this.failed.set(false); this.message.set(this.i18n.t('receipts.disputed')); this.page.reload(); },
      error: (e) => { this.failed.set(true); this.message.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed'))); },
    });
  }
}
