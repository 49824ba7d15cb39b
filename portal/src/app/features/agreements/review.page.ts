import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { APPROVE_SPEC, COMMENT, REQUEST_CHANGES, REVIEW_TICKET, type ReviewTicket } from './agreements.graphql';

const FIELDS = [
  'material', 'tolerance', 'surfaceTreatment', 'dimensions', 'quantity', 'hardness',
  'unitWeight', 'packaging', 'certificationStandard', 'inspectionStandard', 'colour', 'craftNotes',
] as const;

/** Engineering review: a comment per spec field, then approve (new agreement version) or send back with fields marked. */
@Component({
  selector: 'lx-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    @if (ticket(); as t) {
      <div class="lx-page-header">
        <h1 class="lx-page-title">{{ 'agreements.reviewTitle' | t }} · <a [routerLink]="['/tickets', t.id]">{{ t.number }}</a></h1>
      </div>
      <p>{{ t.customer?.name ?? '' }} · {{ i18n.tDynamic('tickets.status.' + t.status, t.status) }}</p>
      <nz-card class="lx-wo-card">
        @for (f of fields; track f) {
          <div class="lx-wo-field lx-wo-review-row" [attr.data-testid]="'review-field-' + f">
            <label>
              <label nz-checkbox [attr.data-testid]="'review-mark-' + f" [ngModel]="marked().has(f)" (ngModelChange)="toggle(f, $event)">{{ 'agreements.markChange' | t }}</label>
              <b>{{ i18n.tDynamic('tickets.field.' + f, f) }}</b>：{{ valueOf(t, f) ?? '—' }}
            </label>
            @for (c of commentsOf(t, f); track c.id) { <div class="lx-hint">💬 {{ c.authorName }}：{{ c.comment }}</div> }
            <div class="lx-wo-unit">
              <input nz-input [attr.data-testid]="'review-comment-' + f" [placeholder]="'agreements.comment' | t" [ngModel]="drafts()[f] || ''" (ngModelChange)="setDraft(f, $event)" />
              <button nz-button [attr.data-testid]="'review-comment-save-' + f" [disabled]="!(drafts()[f] || '').trim()" (click)="comment(f)">{{ 'agreements.addComment' | t }}</button>
            </div>
          </div>
        }
      </nz-card>
      @if (error()) { <nz-alert nzType="error" nzShowIcon data-testid="review-error" [nzMessage]="error()!" /> }
      @if (t.status === 'SUBMITTED') {
        <div class="lx-wo-actions">
          <input nz-input data-testid="review-change-comment" [placeholder]="'agreements.changeComment' | t" [ngModel]="changeComment()" (ngModelChange)="changeComment.set($event)" style="max-width: 360px" />
          <button nz-button nzDanger data-testid="review-request-changes" [disabled]="!marked().size" (click)="requestChanges()">{{ 'agreements.requestChanges' | t }}</button>
          <button nz-button nzType="primary" data-testid="review-approve" (click)="approve()">{{ 'agreements.approveSpec' | t }}</button>
        </div>
      }
    }
  `,
})
export class ReviewPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly fields = FIELDS;
  readonly ticketId = input.required<string>();

  protected readonly detail = rxResource({
    params: () => ({ id: this.ticketId() }),
    stream: ({ params }) => this.apollo.query({ query: REVIEW_TICKET, variables: params, fetchPolicy: 'network-only', errorPolicy: 'all' }).pipe(map((r) => r.data?.requirementTicket ?? null)),
  });
  protected readonly ticket = computed(() => (this.detail.hasValue() ? this.detail.value() : null));
  protected readonly marked = signal(new Set<string>());
  protected readonly drafts = signal<Record<string, string>>({});
  protected readonly changeComment = signal('');
  protected readonly error = signal<string | null>(null);

  protected valueOf(t: ReviewTicket, f: string): string | null {
    const v = (t as unknown as Record<string, unknown>)[f];
    return v === null || v === undefined ? null : String(v);
  }
  protected commentsOf(t: ReviewTicket, f: string) {
    return t.reviewComments.filter((c) => c.field === f);
  }
  protected toggle(f: string, on: boolean): void {
    this.marked.update((s) => {
      const next = new Set(s);
      if (on) next.add(f);
      else next.delete(f);
      return next;
    });
  }
  protected setDraft(f: string, v: string): void {
    this.drafts.update((d) => ({ ...d, [f]: v }));
  }

  private async run(work: () => Promise<unknown>): Promise<boolean> {
    this.error.set(null);
    try {
      await work();
      return true;
    } catch (e) {
      this.error.set(graphqlErrorMessage(e, this.i18n.lang(), this.i18n.t('common.loadFailed')));
      return false;
    }
  }

  protected async comment(f: string): Promise<void> {
    const text = (this.drafts()[f] || '').trim();
    if (await this.run(() => firstValueFrom(this.apollo.mutate({ mutation: COMMENT, variables: { ticketId: this.ticketId(), field: f, comment: text } })))) {
      this.setDraft(f, '');
      this.detail.reload();
    }
  }

  protected async requestChanges(): Promise<void> {
    const comment = this.changeComment().trim() || [...this.marked()].map((f) => (this.drafts()[f] || '').trim()).filter(Boolean).join('；');
    if (await this.run(() => firstValueFrom(this.apollo.mutate({ mutation: REQUEST_CHANGES, variables: { ticketId: this.ticketId(), fields: [...this.marked()], comment } })))) {
      await this.router.navigate(['/tickets', this.ticketId()]);
    }
  }

  protected async approve(): Promise<void> {
    if (await this.run(() => firstValueFrom(this.apollo.mutate({ mutation: APPROVE_SPEC, variables: { ticketId: this.ticketId() } })))) {
      await this.router.navigate(['/agreements', this.ticketId()]);
    }
  }
}
