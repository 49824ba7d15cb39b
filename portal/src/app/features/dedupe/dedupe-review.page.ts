import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal, ViewEncapsulation } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CUSTOMER_MERGES, type CustomerMerge, DUPLICATE_CANDIDATES, type DuplicateCandidate, MERGE_CUSTOMERS, UNDO_MERGE } from './dedupe.graphql';

/**
 * Dedupe review for supervisors (own region), the director and admins: candidate pairs with score
 * and reasons, merge into the survivor the API picks (latest interaction, then contract amount),
 * and the merge history with undo.
 */
@Component({
  selector: 'lx-dedupe-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, DecimalPipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputNumberModule, NzPopconfirmModule, NzTableModule, NzTabsModule, NzTagModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  templateUrl: './dedupe-review.page.html',
})
export class DedupeReviewPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);

  protected readonly minScore = signal(0.5);
  protected readonly pageIndex = linkedSignal({ source: this.minScore, computation: () => 1 });
  protected readonly pageSize = signal(20);
  protected readonly historyIndex = signal(1);
  protected readonly busy = signal<string | null>(null);
  protected readonly notice = signal<{ type: 'success' | 'error'; text: string } | null>(null);

  protected readonly candidates = rxResource({
    params: () => ({ ...pageVariables(this.pageIndex(), this.pageSize()), minScore: this.minScore() }),
    stream: ({ params }) =>
      this.apollo.query({ query: DUPLICATE_CANDIDATES, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.duplicateCandidates ?? null)),
  });

  protected readonly merges = rxResource({
    params: () => pageVariables(this.historyIndex(), 20),
    stream: ({ params }) =>
      this.apollo.query({ query: CUSTOMER_MERGES, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.customerMerges ?? null)),
  });

  protected reasonText(r: { messageZh: string; messageEn: string }): string {
    return this.i18n.lang() === 'zh' ? r.messageZh : r.messageEn;
  }

  protected survivorName(pair: DuplicateCandidate): string {
    return pair.customers.find((c) => c.id === pair.survivorId)?.name ?? '';
  }

  protected movedText(m: CustomerMerge): string {
    return this.i18n.t('dedupe.movedText', { ...m.moved });
  }

  protected loadError(error: unknown): string {
    return graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async merge(pair: DuplicateCandidate): Promise<void> {
    this.busy.set(pair.id);
    this.notice.set(null);
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: MERGE_CUSTOMERS, variables: { customerIds: pair.customers.map((c) => c.id) } }));
      this.notice.set({ type: 'success', text: this.i18n.t('dedupe.merged', { name: this.survivorName(pair) }) });
      this.candidates.reload();
      this.merges.reload();
    } catch (error) {
      this.notice.set({ type: 'error', text: graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('dedupe.failed')) });
    } finally {
      this.busy.set(null);
    }
  }

  protected async undo(merge: CustomerMerge): Promise<void> {
    this.busy.set(merge.id);
    this.notice.set(null);
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: UNDO_MERGE, variables: { mergeId: merge.id } }));
      this.notice.set({ type: 'success', text: this.i18n.t('dedupe.undone') });
      this.candidates.reload();
      this.merges.reload();
    } catch (error) {
      this.notice.set({ type: 'error', text: graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('dedupe.failed')) });
    } finally {
      this.busy.set(null);
    }
  }
}
