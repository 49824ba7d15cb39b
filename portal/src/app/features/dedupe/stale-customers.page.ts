import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal, ViewEncapsulation } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzTableModule } from 'ng-zorro-antd/table';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { ARCHIVE_STALE, STALE_CUSTOMERS } from './dedupe.graphql';

/** Customers with no interaction and no signed contract for N months, archived in bulk. */
@Component({
  selector: 'lx-stale-customers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzInputNumberModule, NzTableModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/list-page.less',
  templateUrl: './stale-customers.page.html',
})
export class StaleCustomersPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);

  protected readonly months = signal(6);
  protected readonly pageIndex = linkedSignal({ source: this.months, computation: () => 1 });
  protected readonly pageSize = signal(50);
  protected readonly selected = linkedSignal<unknown, Set<string>>({ source: () => [this.months(), this.pageIndex()], computation: () => new Set() });
  protected readonly selectedCount = computed(() => this.selected().size);
  protected readonly archiving = signal(false);
  protected readonly notice = signal<{ type: 'success' | 'error'; text: string } | null>(null);

  protected readonly stale = rxResource({
    params: () => ({ ...pageVariables(this.pageIndex(), this.pageSize()), months: this.months() }),
    stream: ({ params }) => this.apollo.query({ query: STALE_CUSTOMERS, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.staleCustomers ?? null)),
  });

  protected readonly allChecked = computed(() => {
    const nodes = this.stale.value()?.nodes ?? [];
    return nodes.length > 0 && nodes.every((n) => this.selected().has(n.id));
  });

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(on ? new Set((this.stale.value()?.nodes ?? []).map((n) => n.id)) : new Set());
  }

  protected loadError(error: unknown): string {
    return graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async archive(): Promise<void> {
    const ids = [...this.selected()];
    if (!ids.length || this.archiving()) return;
    this.archiving.set(true);
    this.notice.set(null);
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: ARCHIVE_STALE, variables: { customerIds: ids, months: this.months() } }));
      this.notice.set({ type: 'success', text: this.i18n.t('dedupe.stale.archived', { count: ids.length }) });
      this.selected.set(new Set());
      this.stale.reload();
    } catch (error) {
      this.notice.set({ type: 'error', text: graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('dedupe.failed')) });
    } finally {
      this.archiving.set(false);
    }
  }
}
