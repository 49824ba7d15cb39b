import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { MutationFeedback } from '../../shared/mutation-feedback';
import { TranslatePipe } from '../../shared/translate.pipe';
import { sumYuan } from './split-balance';
import { SET_ANNUAL_TARGET, type LineAmount } from './targets.graphql';

/**
 * HQ (director/admin) sets a dealer's annual target and, optionally, its parts per product line.
 * Lines left empty have no part; filled parts must add up to the annual figure — the running
 * difference shows while typing and the server's TARGET_LINES_MISMATCH names it on saving.
 */
@Component({
  selector: 'lx-line-target-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [FormsModule, NzButtonModule, NzInputModule, CnyPipe, TranslatePipe],
  styles: `
    .lx-lt-grid { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); }
    .lx-lt-grid label { display: flex; flex-direction: column; gap: 2px; font-size: 13px; }
    .lx-lt-note { font-size: 12px; color: #888; margin: 6px 0; }
    .lx-lt-bad { color: #cf1322; }
    .lx-lt-ok { color: #389e0d; }
  `,
  template: `
    <div class="lx-lt-grid">
      <label>{{ 'targets.annual' | t }} ({{ year() }})
        <input nz-input type="number" min="0" step="0.01" inputmode="decimal" [ngModel]="amount()" (ngModelChange)="amount.set($event)" data-testid="hq-annual" /></label>
      @for (line of catalogueLines(); track line; let i = $index) {
        <label>{{ line }}
          <input nz-input type="number" min="0" step="0.01" inputmode="decimal" [placeholder]="'targets.noPart' | t" [ngModel]="parts()[i]" (ngModelChange)="setPart(i, $event)" [attr.data-testid]="'hq-line-' + i" /></label>
      }
    </div>
    <div class="lx-lt-note" data-testid="hq-lines-running">
      @if (filled().length) {
        {{ 'targets.linesSum' | t }} {{ partsSum() | cny }} ·
        @if (difference() === 0) { <span class="lx-lt-ok">{{ 'targets.balanced' | t }}</span> }
        @else { <span class="lx-lt-bad">{{ (difference() > 0 ? 'targets.short' : 'targets.over') | t }} {{ abs(difference()) | cny }}</span> }
      } @else { {{ 'targets.noLines' | t }} }
    </div>
    <div class="lx-lt-note">{{ 'targets.changeDropsSplit' | t }}</div>
    <button nz-button nzType="primary" (click)="submit()" [nzLoading]="feedback.busy()" data-testid="hq-save-target">{{ 'targets.saveTarget' | t }}</button>
    @if (feedback.message()) { <div style="margin-top: 8px; font-size: 13px" data-testid="hq-target-message" [class.lx-lt-bad]="feedback.failed()" [class.lx-lt-ok]="!feedback.failed()">{{ feedback.message() }}</div> }
  `,
})
export class LineTargetFormComponent {
  private readonly apollo = inject(Apollo);
  private readonly i18n = inject(I18nService);
  readonly dealerId = input.required<string>();
  readonly year = input.required<number>();
  readonly annual = input<number | null>(null);
  readonly lines = input<LineAmount[]>([]);
  readonly catalogueLines = input<string[]>([]);
  readonly saved = output<void>();

  protected readonly amount = signal<number | null>(null);
  protected readonly parts = signal<(number | null)[]>([]);
  protected readonly feedback = new MutationFeedback(this.i18n);
  protected readonly filled = computed(() =>
    this.catalogueLines().map((productLine, i) => ({ productLine, amount: this.parts()[i] })).filter((l): l is LineAmount => typeof l.amount === 'number' && Number.isFinite(l.amount)));
  protected readonly partsSum = computed(() => sumYuan(this.filled().map((l) => l.amount)));
  protected readonly difference = computed(() => sumYuan([this.amount(), -this.partsSum()]));

  constructor() {
    effect(() => {
      const lines = this.lines();
      this.amount.set(this.annual());
      this.parts.set(this.catalogueLines().map((line) => lines.find((l) => l.productLine === line)?.amount ?? null));
    });
  }

  protected abs(n: number): number {
    return Math.abs(n);
  }

  protected setPart(index: number, value: number | null): void {
    this.parts.update((p) => this.catalogueLines().map((_, i) => (i === index ? value : (p[i] ?? null))));
  }

  protected submit(): void {
    const variables = { dealerId: this.dealerId(), year: this.year(), amount: Number(this.amount() ?? 0), productLines: this.filled() };
    this.feedback.run(this.apollo.mutate({ mutation: SET_ANNUAL_TARGET, variables }), () => this.i18n.t('targets.targetSaved'), () => this.saved.emit());
  }
}
