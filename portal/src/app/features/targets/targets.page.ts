import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { LineTargetFormComponent } from './line-target-form.component';
import { PromotionPlansComponent } from './promotion-plans.component';
import { TargetAttainmentComponent } from './target-attainment.component';
import { TargetSplitFormComponent } from './target-split-form.component';
import { TARGET_DEALERS, TARGETS_PAGE } from './targets.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/**
 * Targets (目标动态分解). A dealer sees its own year: the annual target with HQ's product-line parts,
 * the quarter/month split form, actual vs target per month and per line, and its promotion plans
 * (create, edit, delete). HQ picks a dealer (`?dealer=<id>`); director/admin set the annual target
 * with optional product-line parts and see the split and plans.
 */
@Component({
  selector: 'lx-targets-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    FormsModule, NzCardModule, NzSpinModule, NzTagModule, CnyPipe, TranslatePipe,
    LineTargetFormComponent, PromotionPlansComponent, TargetAttainmentComponent, TargetSplitFormComponent,
  ],
  styleUrl: '../../../styles/zorro/list-page.less',
  styles: `
    .lx-tg { display: grid; gap: 12px; grid-template-columns: minmax(0, 1fr); }
    .lx-tg-pick { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .lx-tg-pick select { height: 32px; max-width: 100%; }
    .lx-tg-annual { font-size: 24px; font-weight: 600; }
    .lx-tg-lines { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    .lx-tg-muted { color: #888; font-size: 13px; }
  `,
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'targets.title' | t }}</h1>
      <div class="lx-tg-pick">
        @if (!isDealer()) {
          <select [ngModel]="dealerId() ?? ''" (ngModelChange)="pick({ dealer: $event || null })" data-testid="targets-dealer" [attr.aria-label]="'targets.pickDealer' | t">
            <option value="">{{ 'targets.pickDealer' | t }}</option>
            @for (d of dealers.value() ?? []; track d.id) { <option [value]="d.id">{{ d.code }} {{ d.name }}</option> }
          </select>
        }
        <select [ngModel]="year()" (ngModelChange)="pick({ year: $event })" data-testid="targets-year" [attr.aria-label]="'targets.year' | t">
          @for (y of years; track y) { <option [ngValue]="y">{{ y }}</option> }
        </select>
      </div>
    </div>
    @if (!dealerId()) {
      <div class="lx-tg-muted" data-testid="targets-pick-hint">{{ 'targets.pickDealerHint' | t }}</div>
    } @else {
      @if (page.error()) { <lx-load-failed [message]="errorMessage()" (retry)="page.reload()" /> }
      <nz-spin [nzSpinning]="page.isLoading()">
        @if (page.value(); as p) {
          <div class="lx-tg">
            <nz-card [nzTitle]="('targets.annualTitle' | t: { year: year() })" data-testid="targets-annual">
              @if (p.dealerTarget; as t) {
                <div class="lx-tg-annual" data-testid="targets-annual-amount">{{ t.annualAmount | cny }}</div>
                @if (t.productLines.length) {
                  <div class="lx-tg-lines" data-testid="targets-line-parts">
                    @for (l of t.productLines; track l.productLine) { <nz-tag>{{ l.productLine }} {{ l.amount | cny }}</nz-tag> }
                  </div>
                } @else { <div class="lx-tg-muted">{{ 'targets.noLines' | t }}</div> }
              } @else {
                <div class="lx-tg-muted" data-testid="targets-none">{{ 'targets.noTarget' | t }}</div>
              }
            </nz-card>
            @if (canSetTarget()) {
              <nz-card [nzTitle]="'targets.setTarget' | t" data-testid="targets-hq-form">
                <lx-line-target-form [dealerId]="dealerId()!" [year]="year()" [annual]="p.dealerTarget?.annualAmount ?? null"
                  [lines]="p.dealerTarget?.productLines ?? []" [catalogueLines]="p.productLines" (saved)="page.reload()" />
              </nz-card>
            }
            @if (p.dealerTarget; as t) {
              <nz-card [nzTitle]="'targets.split' | t" data-testid="targets-split">
                @if (canSplit()) {
                  <lx-target-split-form [dealerId]="dealerId()!" [year]="year()" [annual]="t.annualAmount" [splits]="t.splits" (saved)="page.reload()" />
                } @else {
                  @for (s of t.splits; track s.period) { <nz-tag>{{ s.period }} {{ s.amount | cny }}</nz-tag> }
                  @empty { <div class="lx-tg-muted">{{ 'targets.notSplit' | t }}</div> }
                }
              </nz-card>
            }
            <nz-card [nzTitle]="'targets.attainment' | t" data-testid="targets-attainment">
              <lx-target-attainment [months]="p.dealerAttainment.months" [lines]="p.dealerAttainment.productLines" />
            </nz-card>
            <nz-card [nzTitle]="'targets.plans' | t" data-testid="targets-plans">
              <lx-promotion-plans [year]="year()" [plans]="p.promotionPlans.nodes" [catalogueLines]="p.productLines" [editable]="isDealer() && !!p.dealerTarget" (changed)="page.reload()" />
            </nz-card>
          </div>
        }
      </nz-spin>
    }
  `,
})
export class TargetsPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  private readonly query = toSignal(this.route.queryParamMap);
  private readonly thisYear = new Date().getFullYear();
  protected readonly years = [this.thisYear - 1, this.thisYear, this.thisYear + 1];

  protected readonly isDealer = this.auth.isDealer;
  protected readonly canSetTarget = computed(() => this.auth.hasAnyRole(['DIRECTOR', 'ADMIN']));
  protected readonly canSplit = computed(() => this.isDealer() || this.canSetTarget());
  protected readonly dealerId = computed(() => (this.isDealer() ? (this.auth.viewer()?.dealer?.id ?? null) : (this.query()?.get('dealer') ?? null)));
  protected readonly year = computed(() => {
    const y = Number(this.query()?.get('year'));
    return this.years.includes(y) ? y : this.thisYear;
  });

  protected readonly dealers = rxResource({
    params: () => ({ hq: !this.isDealer() }),
    stream: ({ params }) => (params.hq ? this.apollo.query({ query: TARGET_DEALERS }).pipe(map((r) => r.data?.dealers.nodes ?? [])) : of([])),
  });
  protected readonly page = rxResource({
    params: () => ({ dealerId: this.dealerId(), year: this.year() }),
    stream: ({ params }) =>
      params.dealerId
        ? this.apollo.query({ query: TARGETS_PAGE, variables: { dealerId: params.dealerId, year: params.year }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null))
        : of(null),
  });

  protected pick(change: { dealer?: string | null; year?: number }): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: change, queryParamsHandling: 'merge' });
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.page.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
