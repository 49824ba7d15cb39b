import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { PROPOSE_TRANSFER, RESPOND_TRANSFER, STOCK_PAGE, StockReport, UPLOAD_STOCK } from './stock.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^;]*;base64,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Weekly stock upload (dry run → report → commit), weeks of cover with slow movers, and transfers. */
@Component({
  selector: 'lx-stock-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, DecimalPipe, NzButtonModule, NzCardModule, NzSpinModule, NzTableModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  styles: `.lx-stock-actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 8px 0; } .lx-stock-err { color: #cf1322; font-size: 13px; }`,
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'stock.title' | t }}</h1></div>
    <nz-card [nzTitle]="'stock.upload' | t" style="margin-bottom: 12px">
      <div style="font-size: 12px; color: #888">{{ 'stock.hint' | t }}</div>
      <div class="lx-stock-actions">
        <input type="file" accept=".csv,.xlsx" (change)="pick($event)" data-testid="stock-file" />
        <button nz-button (click)="check()" [disabled]="!file() || busy()" data-testid="stock-dry-run">{{ 'stock.dryRun' | t }}</button>
        <button nz-button nzType="primary" (click)="commit()" [disabled]="!report()?.accepted || busy()" data-testid="stock-commit">{{ 'stock.commit' | t }}</button>
      </div>
      @if (message()) { <div data-testid="stock-message" [class.lx-stock-err]="failed()">{{ message() }}</div> }
      @if (report(); as r) {
        <div data-testid="stock-report">
          {{ 'stock.reportLine' | t: { week: r.isoWeek, rows: r.rowCount, lines: r.lineCount, skus: r.skuCount, qty: r.totalQuantity } }}
          @if (r.outcome) { <nz-tag nzColor="green" data-testid="stock-outcome">{{ r.outcome }}</nz-tag> }
          @if (r.existingSameContent && r.dryRun) { <nz-tag>{{ 'stock.sameContent' | t }}</nz-tag> }
        </div>
        @for (e of r.errors; track $index) {
          <div class="lx-stock-err" data-testid="stock-row-error">{{ 'stock.row' | t: { row: e.row } }} {{ e.column }}：{{ i18n.lang() === 'zh' ? e.reasonZh : e.reasonEn }}</div>
        }
      }
    </nz-card>
    @if (page.error()) { <lx-load-failed [message]="errorMessage()" (retry)="page.reload()" /> }
    <nz-spin [nzSpinning]="page.isLoading()">
      @if (page.value(); as p) {
        <nz-card [nzTitle]="('stock.health' | t) + ' · ' + (p.stockHealth.isoWeek ?? '—')" style="margin-bottom: 12px">
          <nz-table #t [nzData]="p.stockHealth.items" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="small" [nzScroll]="{ x: '560px' }" data-testid="stock-health">
            <thead><tr><th>SKU</th><th>{{ 'stock.onHand' | t }}</th><th>{{ 'stock.weekly' | t }}</th><th>{{ 'stock.cover' | t }}</th><th>{{ 'stock.advice' | t }}</th></tr></thead>
            <tbody>
              @for (i of t.data; track i.skuCode) {
                <tr [attr.data-testid]="'stock-row-' + i.skuCode">
                  <td>{{ i.skuCode }} <span style="color: #888">{{ i.skuName }}</span>
                    @if (i.slow) { <nz-tag nzColor="orange">{{ 'stock.slow' | t }}</nz-tag> }
                    @if (i.short) { <nz-tag nzColor="red">{{ 'stock.short' | t }}</nz-tag> }</td>
                  <td>{{ i.onHand }}</td>
                  <td>{{ i.avgWeeklySales | number: '1.0-1' }}</td>
                  <td>{{ i.weeksOfCover === null ? '∞' : (i.weeksOfCover | number: '1.0-1') }}</td>
                  <td>
                    @if (i.suggestion; as s) {
                      {{ i18n.lang() === 'zh' ? s.messageZh : s.messageEn }}
                      @if (s.kind === 'TRANSFER' && s.toDealerCode) {
                        <button nz-button nzSize="small" (click)="propose(i.skuCode, s.toDealerCode, s.quantity)" data-testid="stock-propose">{{ 'stock.propose' | t }}</button>
                      }
                    }
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-card>
        <nz-card [nzTitle]="'stock.transfers' | t">
          @for (tr of p.stockTransfers.nodes; track tr.id) {
            <div class="lx-stock-actions" data-testid="stock-transfer">
              <nz-tag>{{ tr.status }}</nz-tag>
              {{ tr.direction === 'INCOMING' ? tr.fromDealerName : tr.toDealerName }} · {{ tr.skuCode }} × {{ tr.quantity }}
              @if (tr.direction === 'INCOMING' && tr.status === 'PROPOSED') {
                <button nz-button nzType="primary" nzSize="small" (click)="respond(tr.id, true)" data-testid="stock-accept">{{ 'stock.accept' | t }}</button>
                <button nz-button nzSize="small" (click)="respond(tr.id, false)">{{ 'stock.decline' | t }}</button>
              }
            </div>
          } @empty { <div style="color: #888">{{ 'stock.noTransfers' | t }}</div> }
        </nz-card>
      }
    </nz-spin>
  `,
})
export class StockPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly file = signal<File | null>(null);
  protected readonly report = signal<StockReport | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);
  private idempotencyKey = '';
  protected readonly page = rxResource({
    params: () => ({ dealerId: this.auth.viewer()?.dealer?.id ?? null }),
    stream: ({ params }) =>
      params.dealerId ? this.apollo.query({ query: STOCK_PAGE, variables: { dealerId: params.dealerId }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null)) : of(null),
  });

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.report.set(null);
    this.message.set('');
    this.idempotencyKey = `stock-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  }

  protected check(): Promise<void> {
    return this.send(true);
  }

  protected commit(): Promise<void> {
    return this.send(false);
  }

  private async send(dryRun: boolean): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.message.set('');
    this.failed.set(false);
    try {
      const fileBase64 = await toBase64(file);
      this.apollo.mutate({ mutation: UPLOAD_STOCK, variables: { input: { fileBase64, fileName: file.name, dryRun, ...(dryRun ? {} : { idempotencyKey: this.idempotencyKey }) } } }).subscribe({
        next: (r) => {
          const rep = r.data?.uploadStockSheet ?? null;
          this.report.set(rep);
          if (!dryRun && rep) {
            this.message.set(this.i18n.t('stock.committed', { week: rep.isoWeek }));
            this.page.reload();
          }
          this.busy.set(false);
        },
        error: (e) => {
          this.failed.set(true);
          this.message.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed')));
          this.busy.set(false);
        },
      });
    } catch {
      this.busy.set(false);
    }
  }

  protected propose(skuCode: string, toDealerCode: string, quantity: number): void {
    const idempotencyKey = `tr-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
    this.apollo.mutate({ mutation: PROPOSE_TRANSFER, variables: { input: { toDealerCode, skuCode, quantity, idempotencyKey } } }).subscribe({
      next: () => { this.message.set(this.i18n.t('stock.proposed')); this.failed.set(false); this.page.reload(); },
      error: (e) => { this.failed.set(true); this.message.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed'))); },
    });
  }

  protected respond(id: string, accept: boolean): void {
    this.apollo.mutate({ mutation: RESPOND_TRANSFER, variables: { id, accept } }).subscribe({
      next: () => this.page.reload(),
      error: (e) => { this.failed.set(true); this.message.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed'))); },
    });
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.page.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
