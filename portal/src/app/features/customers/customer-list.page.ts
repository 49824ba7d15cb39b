import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { type Connection, pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CUSTOMERS, type Customer, REGIONS, STAGES } from './customer.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

const STAGE_COLORS: Record<string, string> = {
  LEAD: 'default',
  INQUIRY: 'cyan',
  SAMPLING: 'blue',
  QUOTATION: 'geekblue',
  TRIAL: 'purple',
  CONTRACT: 'orange',
  DELIVERY: 'green',
};

@Component({
  selector: 'lx-customer-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    DatePipe,
    FormsModule,
    RouterLink,
    NzTableModule,
    NzInputModule,
    NzSelectModule,
    NzIconModule,
    NzButtonModule,
    NzEmptyModule,
    NzTagModule,
    TranslatePipe,
    CnyPipe,
  ],
  styleUrl: '../../../styles/zorro/list-page.less',
  templateUrl: './customer-list.page.html',
})
export class CustomerListPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);

  protected readonly stageOptions = computed(() =>
    STAGES.map((stage) => ({ value: stage, label: this.i18n.tDynamic(`stage.${stage}`, stage) })),
  );
  protected readonly regionOptions = computed(() =>
    REGIONS.map((region) => ({ value: region, label: this.i18n.tDynamic(`region.${region}`, region) })),
  );

  protected readonly searchText = signal('');
  private readonly search = toSignal(
    toObservable(this.searchText).pipe(
      map((s) => s.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly stage = signal<string | null>(null);
  protected readonly region = signal<string | null>(null);

  private readonly filters = computed(() => ({
    search: this.search() || undefined,
    stage: this.stage() ?? undefined,
    region: this.region() ?? undefined,
  }));
  /** Back to page 1 whenever a filter changes. */
  protected readonly pageIndex = linkedSignal({ source: this.filters, computation: () => 1 });
  protected readonly pageSize = signal(20);

  protected readonly customers = rxResource({
    params: () => ({ ...pageVariables(this.pageIndex(), this.pageSize()), ...this.filters() }),
    stream: ({ params }) =>
      this.apollo.query({ query: CUSTOMERS, variables: params }).pipe(map((result) => result.data?.customers ?? null)),
  });

  /** The last page received: rows stay visible (under the spinner) while the next page loads. */
  protected readonly page = linkedSignal<Connection<Customer> | null, Connection<Customer> | null>({
    source: () => (this.customers.hasValue() ? this.customers.value() : null),
    computation: (next, previous) => next ?? (this.customers.isLoading() ? (previous?.value ?? null) : null),
  });

  protected errorMessage(): string {
    return graphqlErrorMessage(this.customers.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected stageLabel(customer: Customer): string {
    // The dictionary wins so the label follows the language; the API's stageName is the fallback.
    return this.i18n.tDynamic(`stage.${customer.stage}`, customer.stageName ?? customer.stage);
  }

  protected stageColor(stage: string): string {
    return STAGE_COLORS[stage] ?? 'default';
  }

  protected regionLabel(region: string | null): string {
    return region ? this.i18n.tDynamic(`region.${region}`, region) : '—';
  }

  protected resetFilters(): void {
    this.searchText.set('');
    this.stage.set(null);
    this.region.set(null);
  }
}
