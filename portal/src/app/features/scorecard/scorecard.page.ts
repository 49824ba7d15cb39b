import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CLOSE_QUARTER, SCORECARDS, recentQuarters } from './scorecard.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/** A rep sees their own card; a supervisor their team; the director everyone (and closes the quarter). */
@Component({
  selector: 'lx-scorecard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, DecimalPipe, FormsModule, NzButtonModule, NzCardModule, NzEmptyModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ 'scorecard.title' | t }}</h1>
    </div>
    <div style="display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px">
      <nz-select [ngModel]="quarter()" (ngModelChange)="quarter.set($event)" style="min-width: 120px" data-testid="scorecard-quarter">
        @for (q of quarters; track q) { <nz-option [nzValue]="q" [nzLabel]="q" /> }
      </nz-select>
      @if (isDirector() && cards.value()?.length && !cards.value()![0].closed) {
        <button nz-button nzDanger (click)="close()" data-testid="scorecard-close">{{ 'scorecard.closeQuarter' | t }}</button>
      }
    </div>
    @if (cards.error()) { <lx-load-failed [message]="errorMessage()" (retry)="cards.reload()" /> }
    <nz-spin [nzSpinning]="cards.isLoading()">
      @for (card of cards.value() ?? []; track card.repId) {
        <nz-card style="margin-bottom: 12px" data-testid="scorecard-card" [nzTitle]="card.repName + ' · ' + card.region">
          <div style="display: flex; gap: 16px; flex-wrap: wrap; margin-bottom: 8px">
            <div>{{ 'scorecard.score' | t }} <b data-testid="scorecard-score">{{ card.score | number: '1.0-2' }}</b></div>
            <div>{{ 'scorecard.coefficient' | t }} <b data-testid="scorecard-coefficient">{{ card.coefficient | number: '1.1-2' }}</b></div>
            <div>{{ 'scorecard.base' | t }} ¥{{ card.baseCommission | number: '1.0-0' }}</div>
            <div>{{ 'scorecard.bonus' | t }} <b>¥{{ card.bonus | number: '1.0-0' }}</b></div>
            @if (card.closed) { <nz-tag nzColor="default">{{ 'scorecard.closed' | t }}</nz-tag> }
          </div>
          <nz-table #t [nzData]="card.indicators" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="small" [nzScroll]="{ x: '520px' }">
            <thead><tr><th>{{ 'scorecard.indicator' | t }}</th><th>{{ 'scorecard.weight' | t }}</th><th>{{ 'scorecard.threshold' | t }}</th><th>{{ 'scorecard.raw' | t }}</th><th>{{ 'scorecard.indicatorScore' | t }}</th><th></th></tr></thead>
            <tbody>
              @for (i of t.data; track i.code) {
                <tr>
                  <td>{{ i18n.lang() === 'zh' ? i.nameZh : i.nameEn }}</td>
                  <td>{{ i.weight }}%</td>
                  <td>{{ i.direction === 'AT_LEAST' ? '≥' : '≤' }} {{ i.threshold }}{{ i.unit }}</td>
                  <td>{{ i.raw === null ? ('scorecard.noData' | t) : (i.raw | number: '1.0-2') + i.unit }}</td>
                  <td>{{ i.score === null ? '—' : (i.score | number: '1.0-2') }}</td>
                  <td><a (click)="toggle(card.repId + i.code)">{{ 'scorecard.sources' | t: { n: i.sources.length } }}</a></td>
                </tr>
                @if (expanded() === card.repId + i.code) {
                  <tr><td colspan="6">
                    @for (s of i.sources; track s.id) { <div style="font-size: 12px; color: #666">{{ s.reference }} · {{ s.value | number: '1.0-2' }} · {{ s.occurredAt.slice(0, 10) }}</div> }
                  </td></tr>
                }
              }
            </tbody>
          </nz-table>
        </nz-card>
      } @empty {
        @if (!cards.isLoading()) { <nz-empty [nzNotFoundContent]="'scorecard.empty' | t" /> }
      }
    </nz-spin>
  `,
})
export class ScorecardPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly quarters = recentQuarters();
  protected readonly quarter = signal(this.quarters[0]);
  protected readonly expanded = signal<string | null>(null);
  protected readonly isDirector = computed(() => this.auth.viewer()?.roles.includes('DIRECTOR') ?? false);
  protected readonly cards = rxResource({
    params: () => ({ quarter: this.quarter() }),
    stream: ({ params }) => this.apollo.query({ query: SCORECARDS, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.scorecards ?? [])),
  });

  protected toggle(key: string): void {
    this.expanded.set(this.expanded() === key ? null : key);
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.cards.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected close(): void {
    if (!confirm(this.i18n.t('scorecard.closeConfirm'))) return;
    this.apollo.mutate({ mutation: CLOSE_QUARTER, variables: { quarter: this.quarter() } }).subscribe({ next: () => this.cards.reload(), error: () => this.cards.reload() });
  }
}
