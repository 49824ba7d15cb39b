import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo, gql } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { recentQuarters } from '../scorecard/scorecard.graphql';

interface Setting { code: string; weight: number; threshold: number }
interface Band { minScore: number; coefficient: number }
interface WhatIfRep { repId: string; repName: string; region: string; scoreBefore: number; scoreAfter: number; coefficientBefore: number; coefficientAfter: number; bonusBefore: number; bonusAfter: number }

const SETTINGS = gql<{ scorecardSettings: { version: number; indicators: Setting[]; bands: Band[] } }, { quarter: string }>`
  query ScorecardSettings($quarter: String!) { scorecardSettings(quarter: $quarter) { version indicators { code weight threshold } bands { minScore coefficient } } }
`;
const WHAT_IF = gql<{ scorecardWhatIf: { totalBonusBefore: number; totalBonusAfter: number; reps: WhatIfRep[] } }, { input: { quarter: string; indicators: Setting[]; bands: Band[] } }>`
  query ScorecardWhatIf($input: ScorecardSettingsInput!) {
    scorecardWhatIf(input: $input) { totalBonusBefore totalBonusAfter reps { repId repName region scoreBefore scoreAfter coefficientBefore coefficientAfter bonusBefore bonusAfter } }
  }
`;
const NAMES: Record<string, string> = {
  CONTRACT_ACHIEVEMENT: '签约金额达成率', FIRST_PAYMENT_ON_TIME: '首付款到账及时性', COMPLAINT_SATISFACTION: '客诉处理满意度', NEW_PRODUCT_SUCCESS: '新产品推荐成功率',
  PAYMENT_CYCLE: '回款周期', RETURN_REPAIR_RATE: '返修率', REPURCHASE_POTENTIAL: '复购潜力', INTERACTION_FREQUENCY: '客户互动频次',
};

/** The director tries weights, thresholds and bands and sees every rep's coefficient and the bonus cost; nothing is saved. */
@Component({
  selector: 'lx-what-if-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DecimalPipe, FormsModule, NzButtonModule, NzCardModule, NzInputNumberModule, NzResultModule, NzSelectModule, NzTableModule, TranslatePipe],
  styleUrl: './what-if.page.less',
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'scorecard.whatIf' | t }}</h1></div>
    <nz-select [ngModel]="quarter()" (ngModelChange)="quarter.set($event)" style="min-width: 120px; margin-bottom: 12px">
      @for (q of quarters; track q) { <nz-option [nzValue]="q" [nzLabel]="q" /> }
    </nz-select>
    <div class="lx-whatif-grid">
      <nz-card [nzTitle]="'scorecard.weightTotal' | t: { total: total() }">
        @for (s of indicators(); track s.code; let i = $index) {
          <div class="lx-whatif-row">
            <span class="lx-whatif-name">{{ i18n.lang() === 'zh' ? names[s.code] : s.code }}</span>
            <nz-input-number [ngModel]="s.weight" (ngModelChange)="setIndicator(i, 'weight', $event)" [nzMin]="0" [nzMax]="100" nzSize="small" [attr.data-testid]="'weight-' + s.code" />
            <nz-input-number [ngModel]="s.threshold" (ngModelChange)="setIndicator(i, 'threshold', $event)" [nzMin]="0" nzSize="small" />
          </div>
        }
      </nz-card>
      <nz-card [nzTitle]="'scorecard.bands' | t">
        @for (b of bands(); track $index; let i = $index) {
          <div class="lx-whatif-row">
            <nz-input-number [ngModel]="b.minScore" (ngModelChange)="setBand(i, 'minScore', $event)" [nzMin]="0" [nzMax]="100" nzSize="small" />
            <span>→</span>
            <nz-input-number [ngModel]="b.coefficient" (ngModelChange)="setBand(i, 'coefficient', $event)" [nzMin]="0.6" [nzMax]="1.4" [nzStep]="0.05" nzSize="small" />
          </div>
        }
        <button nz-button nzType="primary" style="margin-top: 12px" (click)="simulate()" data-testid="what-if-simulate">{{ 'scorecard.simulate' | t }}</button>
        <div style="color: #888; font-size: 12px; margin-top: 6px">{{ 'scorecard.notSaved' | t }}</div>
      </nz-card>
    </div>
    @if (result.error()) { <nz-result nzStatus="warning" [nzTitle]="errorMessage()" data-testid="what-if-error" /> }
    @if (result.value(); as r) {
      <nz-card style="margin-top: 12px" [nzTitle]="'scorecard.totalBonus' | t: { before: (r.totalBonusBefore | number: '1.0-0') ?? '', after: (r.totalBonusAfter | number: '1.0-0') ?? '' }" data-testid="what-if-result">
        <nz-table #t [nzData]="r.reps" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="small" [nzScroll]="{ x: '520px' }">
          <thead><tr><th>{{ 'scorecard.rep' | t }}</th><th>{{ 'scorecard.score' | t }}</th><th>{{ 'scorecard.coefficient' | t }}</th><th>{{ 'scorecard.bonus' | t }}</th></tr></thead>
          <tbody>
            @for (x of t.data; track x.repId) {
              <tr>
                <td>{{ x.repName }}</td>
                <td>{{ x.scoreBefore | number: '1.0-1' }} → {{ x.scoreAfter | number: '1.0-1' }}</td>
                <td [style.color]="x.coefficientAfter > x.coefficientBefore ? '#389e0d' : x.coefficientAfter < x.coefficientBefore ? '#cf1322' : ''">{{ x.coefficientBefore }} → {{ x.coefficientAfter }}</td>
                <td>{{ x.bonusBefore | number: '1.0-0' }} → {{ x.bonusAfter | number: '1.0-0' }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>
    }
  `,
})
export class WhatIfPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly names = NAMES;
  protected readonly quarters = recentQuarters();
  protected readonly quarter = signal(this.quarters[0]);
  protected readonly indicators = signal<Setting[]>([]);
  protected readonly bands = signal<Band[]>([]);
  protected readonly total = computed(() => Math.round(this.indicators().reduce((s, i) => s + (Number(i.weight) || 0), 0) * 100) / 100);
  private readonly request = signal<{ quarter: string; indicators: Setting[]; bands: Band[] } | null>(null);

  protected readonly settings = rxResource({
    params: () => ({ quarter: this.quarter() }),
    stream: ({ params }) => this.apollo.query({ query: SETTINGS, variables: params }).pipe(map((r) => {
      const s = r.data?.scorecardSettings;
      if (s) {
        this.indicators.set(s.indicators.map((i) => ({ code: i.code, weight: i.weight, threshold: i.threshold })));
        this.bands.set(s.bands.map((b) => ({ minScore: b.minScore, coefficient: b.coefficient })));
      }
      return s ?? null;
    })),
  });
  protected readonly result = rxResource({
    params: () => this.request() ?? undefined,
    stream: ({ params }) => this.apollo.query({ query: WHAT_IF, variables: { input: params }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.scorecardWhatIf ?? null)),
  });

  protected setIndicator(i: number, field: 'weight' | 'threshold', value: number): void {
    this.indicators.update((list) => list.map((s, k) => (k === i ? { ...s, [field]: Number(value) } : s)));
  }

  protected setBand(i: number, field: 'minScore' | 'coefficient', value: number): void {
    this.bands.update((list) => list.map((b, k) => (k === i ? { ...b, [field]: Number(value) } : b)));
  }

  protected simulate(): void {
    this.request.set({ quarter: this.quarter(), indicators: this.indicators(), bands: this.bands() });
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.result.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
