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
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Refusal, refusalOf } from '../customers/refusal';
import { TranslatePipe } from '../../shared/translate.pipe';
import { downloadBase64 } from './files';
import { STATUS_COLORS } from './ticket-list.page';
import { DRAWING_FILE, SPEC_KEYS, type SpecKey, SUBMIT_TICKET, TICKET, UPDATE_SPEC } from './tickets.graphql';

/**
 * One ticket: status, the 12 fields (fields engineering sent back are marked and editable), review
 * comments, drawings, department tasks, agreement versions and the way to the contract.
 */
@Component({
  selector: 'lx-ticket-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    @if (ticket(); as t) {
      <div class="lx-page-header">
        <h1 class="lx-page-title" data-testid="ticket-number">{{ t.number }}</h1>
        <nz-tag data-testid="ticket-status" [attr.data-status]="t.status" [nzColor]="colors[t.status]">{{ i18n.tDynamic('tickets.status.' + t.status, t.status) }}</nz-tag>
      </div>
      <p>{{ t.customer?.name ?? '—' }} · {{ i18n.tDynamic('tickets.urgency.' + t.urgency, t.urgency) }} · {{ 'tickets.deliveryDate' | t }} {{ t.requestedDeliveryDate ?? '—' }}</p>

      @if (t.status === 'CHANGES_REQUESTED') {
        <nz-alert nzType="warning" nzShowIcon data-testid="ticket-changes-requested" [nzMessage]="'tickets.changesRequested' | t" [nzDescription]="t.changesRequestedComment ?? ''" />
      }

      <nz-card class="lx-wo-card" [nzTitle]="'tickets.spec' | t">
        <div class="lx-wo-grid">
          @for (key of keys; track key) {
            <div class="lx-wo-field" [class.lx-wo-marked]="marked().has(key)" [attr.data-testid]="'ticket-field-' + key">
              <label>{{ i18n.tDynamic('tickets.field.' + key, key) }}</label>
              @if (editable() && marked().has(key)) {
                <input nz-input [attr.data-testid]="'edit-' + key" [ngModel]="edits()[key] ?? valueOf(key)" (ngModelChange)="setEdit(key, $event)" />
              } @else {
                <span>{{ valueOf(key) ?? (key === 'craftNotes' ? ('tickets.craftHidden' | t) : '—') }}</span>
              }
              @for (c of commentsOf(key); track c.id) {
                <div class="lx-hint">💬 {{ c.authorName }}：{{ c.comment }}</div>
              }
            </div>
          }
        </div>
        @if (editable() && t.status !== 'SUBMITTED') {
          <div class="lx-wo-actions">
            <button nz-button nzType="primary" data-testid="ticket-resubmit" [nzLoading]="busy()" (click)="resubmit()">{{ 'tickets.resubmit' | t }}</button>
          </div>
        }
        @if (refusal(); as r) {
          <nz-alert nzType="error" nzShowIcon data-testid="ticket-refusal" [nzMessage]="r.message" [nzDescription]="r.details.join('；')" />
        }
      </nz-card>

      <nz-card class="lx-wo-card" [nzTitle]="'tickets.drawings' | t">
        @for (d of t.drawings; track d.id) {
          <div data-testid="ticket-drawing">{{ d.fileName }} ({{ (d.sizeBytes / 1024).toFixed(0) }} KB)
            <button nz-button nzType="link" (click)="download(d.id)">{{ 'tickets.download' | t }}</button></div>
        } @empty {
          <span>{{ 'tickets.noDrawings' | t }}</span>
        }
      </nz-card>

      <nz-card class="lx-wo-card" [nzTitle]="'tickets.tasks' | t">
        @for (task of t.tasks; track task.id) {
          <div data-testid="ticket-task">
            {{ i18n.tDynamic('tasks.dept.' + task.department, task.department) }} · {{ i18n.tDynamic('tasks.status.' + task.status, task.status) }} ·
            {{ 'tasks.due' | t }} {{ task.dueAt | date: 'yyyy-MM-dd HH:mm' }}
            @if (task.reminderState !== 'NONE') { <nz-tag nzColor="red">{{ i18n.tDynamic('tasks.reminder.' + task.reminderState, task.reminderState) }}</nz-tag> }
          </div>
        }
        @if (t.status === 'SUBMITTED' && auth.hasAnyRole(['ENGINEER', 'ADMIN'])) {
          <a nz-button nzType="primary" data-testid="ticket-open-review" [routerLink]="['/agreements', t.id, 'review']">{{ 'tickets.openReview' | t }}</a>
        }
      </nz-card>

      <nz-card class="lx-wo-card" [nzTitle]="'tickets.agreements' | t">
        @for (v of versions(); track v.id) {
          <nz-tag>v{{ v.version }} {{ i18n.tDynamic('agreements.status.' + v.status, v.status) }}</nz-tag>
        }
        @if (versions().length) {
          <a nz-button nzType="link" data-testid="ticket-versions" [routerLink]="['/agreements', t.id]">{{ 'agreements.versionsTitle' | t }}</a>
        }
        @if (hasApproved() && auth.hasAnyRole(['REP', 'SUPERVISOR', 'DIRECTOR', 'ADMIN'])) {
          <a nz-button nzType="primary" data-testid="ticket-to-contract" [routerLink]="['/contracts', t.id]">{{ 'tickets.toContract' | t }}</a>
        }
      </nz-card>
    }
  `,
})
export class TicketDetailPage {
  private readonly apollo = inject(Apollo);
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly colors = STATUS_COLORS;
  protected readonly keys = SPEC_KEYS;
  readonly id = input.required<string>();

  protected readonly detail = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.apollo.query({ query: TICKET, variables: params, fetchPolicy: 'network-only', errorPolicy: 'all' }).pipe(map((r) => r.data ?? null)),
  });
  protected readonly ticket = computed(() => (this.detail.hasValue() ? (this.detail.value()?.requirementTicket ?? null) : null));
  protected readonly versions = computed(() => (this.detail.hasValue() ? (this.detail.value()?.agreementVersions ?? []) : []));
  protected readonly hasApproved = computed(() => this.versions().some((v) => v.status === 'APPROVED'));
  protected readonly marked = computed(() => new Set(this.ticket()?.changesRequestedFields ?? []));
  protected readonly editable = computed(() => this.ticket()?.status === 'CHANGES_REQUESTED' && this.auth.hasAnyRole(['REP', 'SUPERVISOR', 'DIRECTOR', 'ADMIN']));
  protected readonly edits = signal<Partial<Record<SpecKey, string>>>({});
  protected readonly busy = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);

  protected valueOf(key: SpecKey): string | null {
    const v = this.ticket()?.[key];
    return v === null || v === undefined ? null : String(v);
  }

  protected commentsOf(key: string) {
    return (this.ticket()?.reviewComments ?? []).filter((c) => c.field === key);
  }

  protected setEdit(key: SpecKey, value: string): void {
    this.edits.update((e) => ({ ...e, [key]: value }));
  }

  protected async resubmit(): Promise<void> {
    const t = this.ticket();
    if (!t) return;
    this.busy.set(true);
    this.refusal.set(null);
    try {
      const input: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(this.edits())) input[k] = k === 'quantity' ? Number(v) : v;
      if (Object.keys(input).length) await firstValueFrom(this.apollo.mutate({ mutation: UPDATE_SPEC, variables: { id: t.id, input } }));
      await firstValueFrom(this.apollo.mutate({ mutation: SUBMIT_TICKET, variables: { id: t.id } }));
      this.edits.set({});
      this.detail.reload();
    } catch (error) {
      this.refusal.set(refusalOf(error, this.i18n.lang(), this.i18n.t('tickets.refused')));
    } finally {
      this.busy.set(false);
    }
  }

  protected async download(drawingId: string): Promise<void> {
    const r = await firstValueFrom(this.apollo.query({ query: DRAWING_FILE, variables: { id: drawingId }, fetchPolicy: 'network-only' }));
    const f = r.data?.ticketDrawingFile;
    if (f) downloadBase64(f.fileName, f.mimeType, f.contentBase64);
  }
}
