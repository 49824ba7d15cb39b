import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { DictionaryKey } from '../../core/i18n/zh';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { MutationFeedback } from '../../shared/mutation-feedback';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CREATE_PLAN, DELETE_PLAN, PLAN_NEXT_STATUSES, PLAN_STATUSES, type PlanStatus, type PromotionPlan, type PromotionPlanInput, UPDATE_PLAN } from './targets.graphql';

const STATUS_COLOR: Record<PlanStatus, string> = { PLANNED: 'blue', RUNNING: 'green', DONE: 'default', CANCELLED: 'red' };

/**
 * Local promotion plans of the target year: a list everyone in scope reads, and for the dealer's
 * own staff (`editable`) a form to add or edit a plan and a two-step delete. Refusals show the
 * server's message (end before start, budget, uplift, year without a target).
 */
@Component({
  selector: 'lx-promotion-plans',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DecimalPipe, FormsModule, NzButtonModule, NzInputModule, NzTagModule, CnyPipe, TranslatePipe],
  styles: `
    .lx-pp-form { display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); margin-bottom: 8px; }
    .lx-pp-form label { display: flex; flex-direction: column; gap: 2px; font-size: 13px; }
    .lx-pp-form select { height: 32px; }
    .lx-pp-row { padding: 8px 0; border-bottom: 1px solid #f0f0f0; font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
    .lx-pp-name { font-weight: 600; flex: 1 1 100%; }
    .lx-pp-actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .lx-pp-bad { color: #cf1322; }
    .lx-pp-ok { color: #389e0d; }
  `,
  template: `
    @if (editable()) {
      <div class="lx-pp-form" data-testid="plan-form">
        <label>{{ 'targets.planName' | t }}<input nz-input [ngModel]="name()" (ngModelChange)="name.set($event)" data-testid="plan-name" /></label>
        <label>{{ 'targets.planStart' | t }}<input nz-input type="date" [ngModel]="startDate()" (ngModelChange)="startDate.set($event)" data-testid="plan-start" /></label>
        <label>{{ 'targets.planEnd' | t }}<input nz-input type="date" [ngModel]="endDate()" (ngModelChange)="endDate.set($event)" data-testid="plan-end" /></label>
        <label>{{ 'targets.planBudget' | t }}<input nz-input type="number" min="0" step="0.01" inputmode="decimal" [ngModel]="budget()" (ngModelChange)="budget.set($event)" data-testid="plan-budget" /></label>
        <label>{{ 'targets.planUplift' | t }}<input nz-input type="number" min="0" max="200" step="0.1" inputmode="decimal" [ngModel]="uplift()" (ngModelChange)="uplift.set($event)" data-testid="plan-uplift" /></label>
        <label>{{ 'targets.planLine' | t }}
          <select [ngModel]="productLine()" (ngModelChange)="productLine.set($event)" data-testid="plan-line">
            <option value="">{{ 'targets.allLines' | t }}</option>
            @for (l of catalogueLines(); track l) { <option [value]="l">{{ l }}</option> }
          </select></label>
        <label>{{ 'targets.planStatus' | t }}
          <select [ngModel]="status()" (ngModelChange)="status.set($event)" data-testid="plan-status">
            @for (s of statuses(); track s) { <option [value]="s">{{ statusLabel(s) | t }}</option> }
          </select></label>
      </div>
      <div class="lx-pp-actions">
        <button nz-button nzType="primary" (click)="save()" [nzLoading]="feedback.busy()" data-testid="plan-save">{{ (editingId() ? 'targets.planUpdate' : 'targets.planCreate') | t }}</button>
        @if (editingId()) { <button nz-button (click)="reset()" data-testid="plan-cancel">{{ 'targets.planCancelEdit' | t }}</button> }
      </div>
      @if (feedback.message()) { <div style="margin-top: 8px; font-size: 13px" data-testid="plan-message" [class.lx-pp-bad]="feedback.failed()" [class.lx-pp-ok]="!feedback.failed()">{{ feedback.message() }}</div> }
    }
    <div style="margin-top: 8px">
      @for (p of plans(); track p.id) {
        <div class="lx-pp-row" data-testid="plan-row">
          <span class="lx-pp-name">{{ p.name }} <nz-tag [nzColor]="statusColor[p.status]">{{ statusLabel(p.status) | t }}</nz-tag></span>
          <span>{{ p.startDate }} – {{ p.endDate }}</span>
          <span>{{ 'targets.planBudget' | t }} {{ p.budget | cny }}</span>
          <span>{{ 'targets.planUplift' | t }} {{ p.expectedUpliftPct | number: '1.0-1' }}%</span>
          <span>{{ p.productLine ?? ('targets.allLines' | t) }}</span>
          @if (editable()) {
            <span class="lx-pp-actions">
              @if (nextStatuses[p.status].length) {
                <button nz-button nzSize="small" (click)="edit(p)" data-testid="plan-edit">{{ 'targets.planEdit' | t }}</button>
              }
              @if (p.status !== 'DONE') {
                @if (confirmingDelete() === p.id) {
                  <button nz-button nzSize="small" nzDanger (click)="remove(p)" data-testid="plan-delete-confirm">{{ 'targets.planDeleteConfirm' | t }}</button>
                } @else {
                  <button nz-button nzSize="small" (click)="confirmingDelete.set(p.id)" data-testid="plan-delete">{{ 'targets.planDelete' | t }}</button>
                }
              }
            </span>
          }
        </div>
      } @empty { <div style="color: #888" data-testid="plan-empty">{{ 'targets.noPlans' | t }}</div> }
    </div>
  `,
})
export class PromotionPlansComponent {
  private readonly apollo = inject(Apollo);
  private readonly i18n = inject(I18nService);
  readonly year = input.required<number>();
  readonly plans = input<PromotionPlan[]>([]);
  readonly catalogueLines = input<string[]>([]);
  /** The dealer's own staff: create, edit, delete. HQ reads. */
  readonly editable = input(false);
  readonly changed = output<void>();

  protected readonly nextStatuses = PLAN_NEXT_STATUSES;
  protected readonly statusColor = STATUS_COLOR;
  protected readonly editingId = signal<string | null>(null);
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly name = signal('');
  protected readonly startDate = signal('');
  protected readonly endDate = signal('');
  protected readonly budget = signal<number | null>(null);
  protected readonly uplift = signal<number | null>(null);
  protected readonly productLine = signal('');
  protected readonly status = signal<PlanStatus>('PLANNED');
  /** The plan's own status and where it may go from there when editing; any when new. */
  private readonly editingFrom = signal<PlanStatus | null>(null);
  protected readonly statuses = computed(() => {
    const from = this.editingFrom();
    return from ? [from, ...PLAN_NEXT_STATUSES[from]] : PLAN_STATUSES;
  });
  protected readonly feedback = new MutationFeedback(this.i18n);

  protected statusLabel(status: PlanStatus): DictionaryKey {
    return `targets.status.${status}` as DictionaryKey;
  }

  protected edit(plan: PromotionPlan): void {
    this.editingId.set(plan.id);
    this.name.set(plan.name);
    this.startDate.set(plan.startDate);
    this.endDate.set(plan.endDate);
    this.budget.set(plan.budget);
    this.uplift.set(plan.expectedUpliftPct);
    this.productLine.set(plan.productLine ?? '');
    this.status.set(plan.status);
    this.editingFrom.set(plan.status);
    this.feedback.clear();
  }

  protected reset(): void {
    this.editingId.set(null);
    this.name.set('');
    this.startDate.set('');
    this.endDate.set('');
    this.budget.set(null);
    this.uplift.set(null);
    this.productLine.set('');
    this.status.set('PLANNED');
    this.editingFrom.set(null);
  }

  protected save(): void {
    const input: PromotionPlanInput = {
      year: this.year(), name: this.name(), startDate: this.startDate(), endDate: this.endDate(),
      budget: Number(this.budget() ?? 0), expectedUpliftPct: Number(this.uplift() ?? 0), productLine: this.productLine() || null, status: this.status(),
    };
    const id = this.editingId();
    const request: Observable<unknown> = id ? this.apollo.mutate({ mutation: UPDATE_PLAN, variables: { id, input } }) : this.apollo.mutate({ mutation: CREATE_PLAN, variables: { input } });
    this.feedback.run(request, () => this.i18n.t(id ? 'targets.planUpdated' : 'targets.planCreated', { name: input.name.trim() }), () => {
      this.reset();
      this.changed.emit();
    });
  }

  protected remove(plan: PromotionPlan): void {
    this.feedback.run(this.apollo.mutate({ mutation: DELETE_PLAN, variables: { id: plan.id } }), () => this.i18n.t('targets.planDeleted', { name: plan.name }), () => {
      this.confirmingDelete.set(null);
      if (this.editingId() === plan.id) this.reset();
      this.changed.emit();
    });
  }
}
