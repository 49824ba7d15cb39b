import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { map, of } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { MutationFeedback } from '../../shared/mutation-feedback';
import { TranslatePipe } from '../../shared/translate.pipe';
import { splitBalance } from './split-balance';
import { SPLIT_SUGGESTION, SPLIT_TARGET, type TargetSplit } from './targets.graphql';

const QUARTERS = [0, 1, 2, 3] as const;

/**
 * The dealer's split of the annual target into quarters and months: prefilled with the saved split,
 * else the seasonal suggestion; shows the running difference while typing and the server's
 * TARGET_SPLIT_MISMATCH refusal (which names each difference) when it does not add up.
 */
@Component({
  selector: 'lx-target-split-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [FormsModule, NzButtonModule, NzInputModule, CnyPipe, TranslatePipe],
  styles: `
    .lx-split-quarters { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
    .lx-split-quarter { border: 1px solid #f0f0f0; border-radius: 6px; padding: 8px; }
    .lx-split-quarter label { display: flex; align-items: center; gap: 8px; font-size: 13px; margin: 4px 0; }
    .lx-split-quarter label > span { flex: 0 0 56px; }
    .lx-split-q { font-weight: 600; }
    .lx-split-diff { font-size: 12px; margin-top: 4px; }
    .lx-split-bad { color: #cf1322; }
    .lx-split-ok { color: #389e0d; }
    .lx-split-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 10px; }
    .lx-split-msg { margin-top: 8px; font-size: 13px; white-space: pre-wrap; word-break: break-word; }
  `,
  template: `
    <div class="lx-split-diff" data-testid="split-running" [class.lx-split-bad]="balance().yearDifference !== 0" [class.lx-split-ok]="balance().balanced">
      {{ 'targets.quarterSum' | t }} {{ balance().quarterSum | cny }} / {{ 'targets.annual' | t }} {{ annual() | cny }} ·
      @if (balance().yearDifference === 0) { {{ (balance().balanced ? 'targets.balanced' : 'targets.yearMatches') | t }} }
      @else { {{ (balance().yearDifference > 0 ? 'targets.short' : 'targets.over') | t }} <b data-testid="split-difference">{{ abs(balance().yearDifference) | cny }}</b> }
    </div>
    @if (suggestionBasis(); as basis) { <div style="font-size: 12px; color: #888; margin: 4px 0">{{ (basis === 'EVEN' ? 'targets.basisEven' : 'targets.basisSeasonal') | t }}</div> }
    <div class="lx-split-quarters">
      @for (q of quarterIndexes; track q) {
        <div class="lx-split-quarter" [attr.data-testid]="'split-q' + (q + 1)">
          <label class="lx-split-q"><span>Q{{ q + 1 }}</span>
            <input nz-input type="number" min="0" step="0.01" inputmode="decimal" [ngModel]="quarters()[q]" (ngModelChange)="setQuarter(q, $event)" [attr.data-testid]="'split-quarter-' + (q + 1)" /></label>
          @for (m of [0, 1, 2]; track m) {
            <label><span>{{ 'targets.monthN' | t: { n: q * 3 + m + 1 } }}</span>
              <input nz-input type="number" min="0" step="0.01" inputmode="decimal" [ngModel]="months()[q * 3 + m]" (ngModelChange)="setMonth(q * 3 + m, $event)" [attr.data-testid]="'split-month-' + (q * 3 + m + 1)" /></label>
          }
          @if (balance().quarterDifferences[q] !== 0) {
            <div class="lx-split-diff lx-split-bad" [attr.data-testid]="'split-quarter-diff-' + (q + 1)">
              {{ (balance().quarterDifferences[q] > 0 ? 'targets.monthsShort' : 'targets.monthsOver') | t }} {{ abs(balance().quarterDifferences[q]) | cny }}</div>
          }
        </div>
      }
    </div>
    <div class="lx-split-actions">
      <button nz-button nzType="primary" (click)="submit()" [nzLoading]="feedback.busy()" data-testid="split-submit">{{ 'targets.saveSplit' | t }}</button>
      <button nz-button (click)="applySuggestion()" [disabled]="!suggestion.value()" data-testid="split-suggest">{{ 'targets.useSuggestion' | t }}</button>
    </div>
    @if (feedback.message()) { <div class="lx-split-msg" data-testid="split-message" [class.lx-split-bad]="feedback.failed()" [class.lx-split-ok]="!feedback.failed()">{{ feedback.message() }}</div> }
  `,
})
export class TargetSplitFormComponent {
  private readonly apollo = inject(Apollo);
  private readonly i18n = inject(I18nService);
  readonly dealerId = input.required<string>();
  readonly year = input.required<number>();
  readonly annual = input.required<number>();
  /** The saved split (Q1..Q4, M01..M12), empty until the dealer splits. */
  readonly splits = input<TargetSplit[]>([]);
  readonly saved = output<void>();

  protected readonly quarterIndexes = QUARTERS;
  protected readonly quarters = signal<(number | null)[]>([0, 0, 0, 0]);
  protected readonly months = signal<(number | null)[]>(new Array(12).fill(0));
  protected readonly feedback = new MutationFeedback(this.i18n);
  protected readonly balance = computed(() => splitBalance(this.annual(), this.quarters(), this.months()));
  protected readonly suggestion = rxResource({
    params: () => ({ dealerId: this.dealerId(), year: this.year(), annual: this.annual() }),
    stream: ({ params }) =>
      this.apollo.query({ query: SPLIT_SUGGESTION, variables: { dealerId: params.dealerId, year: params.year }, fetchPolicy: 'network-only' })
        .pipe(map((r) => r.data?.targetSplitSuggestion ?? null)),
  });
  protected readonly suggestionBasis = computed(() => this.suggestion.value()?.basis ?? null);

  constructor() {
    // Prefill: the saved split when there is one, else the seasonal suggestion once it arrives.
    effect(() => {
      const saved = this.splits();
      const suggestion = this.suggestion.value();
      if (saved.length === 16) {
        const amount = (period: string) => saved.find((s) => s.period === period)?.amount ?? 0;
        this.quarters.set(QUARTERS.map((q) => amount(`Q${q + 1}`)));
        this.months.set(Array.from({ length: 12 }, (_, i) => amount(`M${String(i + 1).padStart(2, '0')}`)));
      } else if (suggestion) {
        this.quarters.set([...suggestion.quarters]);
        this.months.set([...suggestion.months]);
      }
    });
  }

  protected abs(n: number): number {
    return Math.abs(n);
  }

  protected setQuarter(index: number, value: number | null): void {
    this.quarters.update((q) => q.map((v, i) => (i === index ? value : v)));
  }

  protected setMonth(index: number, value: number | null): void {
    this.months.update((m) => m.map((v, i) => (i === index ? value : v)));
  }

  protected applySuggestion(): void {
    const s = this.suggestion.value();
    if (!s) return;
    this.quarters.set([...s.quarters]);
    this.months.set([...s.months]);
    this.feedback.clear();
  }

  /** Sent as typed even when the running difference is not zero: the server's refusal names each difference. */
  protected submit(): void {
    const num = (v: number | null) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    const variables = { dealerId: this.dealerId(), year: this.year(), quarters: this.quarters().map(num), months: this.months().map(num) };
    this.feedback.run(this.apollo.mutate({ mutation: SPLIT_TARGET, variables }), () => this.i18n.t('targets.splitSaved'), () => this.saved.emit());
  }
}
