import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CatalogueItem, POINTS_PAGE, REDEEM } from './points.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/** Points balance, the catalogue of marketing materials (redeem) and the statement of every movement. */
@Component({
  selector: 'lx-points-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, DatePipe, DecimalPipe, NzButtonModule, NzCardModule, NzSpinModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  styles: `
    .lx-pt-items { display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); }
    .lx-pt-item { border: 1px solid #f0f0f0; border-radius: 6px; padding: 8px; font-size: 13px; display: flex; flex-direction: column; gap: 4px; }
    .lx-pt-row { display: flex; justify-content: space-between; padding: 6px 0; border-bottom: 1px solid #f0f0f0; font-size: 13px; }
  `,
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'points.title' | t }}</h1></div>
    @if (page.error()) { <lx-load-failed [message]="errorMessage()" (retry)="page.reload()" /> }
    <nz-spin [nzSpinning]="page.isLoading()">
      @if (page.value(); as p) {
        <nz-card style="margin-bottom: 12px">{{ 'points.balance' | t }} <b style="font-size: 24px" data-testid="points-balance">{{ p.pointsAccount.balance | number }}</b></nz-card>
        @if (message()) { <div data-testid="points-message" style="margin-bottom: 8px" [style.color]="failed() ? '#cf1322' : '#389e0d'">{{ message() }}</div> }
        <nz-card [nzTitle]="'points.catalogue' | t" style="margin-bottom: 12px">
          <div class="lx-pt-items">
            @for (i of p.redemptionItems; track i.id) {
              <div class="lx-pt-item" [attr.data-testid]="'points-item-' + i.code">
                <b>{{ i.name }}</b><span style="color: #888">{{ i.description }}</span>
                <span>{{ 'points.cost' | t: { points: i.pointsCost, unit: i.unit } }} · {{ 'points.stock' | t: { n: i.stock } }}</span>
                <button nz-button nzType="primary" nzSize="small" [disabled]="busy() || i.stock < 1 || i.pointsCost > p.pointsAccount.balance" (click)="redeem(i)" data-testid="points-redeem">{{ 'points.redeem' | t }}</button>
              </div>
            }
          </div>
        </nz-card>
        <nz-card [nzTitle]="'points.statement' | t">
          @for (e of p.pointsEntries.nodes; track e.id) {
            <div class="lx-pt-row" data-testid="points-entry"><span>{{ e.createdAt | date: 'yyyy-MM-dd' }} {{ e.note ?? e.reason }}</span><b [style.color]="e.delta < 0 ? '#cf1322' : '#389e0d'">{{ e.delta > 0 ? '+' : '' }}{{ e.delta }}</b></div>
          }
        </nz-card>
      }
    </nz-spin>
  `,
})
export class PointsPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly failed = signal(false);
  protected readonly page = rxResource({
    params: () => ({ dealerId: this.auth.viewer()?.dealer?.id ?? null }),
    stream: ({ params }) =>
      params.dealerId ? this.apollo.query({ query: POINTS_PAGE, variables: { dealerId: params.dealerId }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null)) : of(null),
  });

  protected redeem(item: CatalogueItem): void {
    if (!confirm(this.i18n.t('points.confirm', { name: item.name, points: item.pointsCost }))) return;
    this.busy.set(true);
    const key = `rd-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
    this.apollo.mutate({ mutation: REDEEM, variables: { itemId: item.id, quantity: 1, key } }).subscribe({
      next: (r) => {
        this.failed.set(false);
        this.message.set(this.i18n.t('points.redeemed', { name: item.name, balance: r.data?.redeemPoints.redemption.balanceAfter ?? 0 }));
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

  protected errorMessage(): string {
    return graphqlErrorMessage(this.page.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
