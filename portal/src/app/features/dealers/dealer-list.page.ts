import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Connection, pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { DEALERS, type Dealer, territoriesText } from './dealer.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

@Component({
  selector: 'lx-dealer-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    DecimalPipe,
    RouterLink,
    NzTableModule,
    NzInputModule,
    NzIconModule,
    NzButtonModule,
    NzEmptyModule,
    NzTagModule,
    TranslatePipe,
  ],
  styleUrl: '../../../styles/zorro/list-page.less',
  templateUrl: './dealer-list.page.html',
})
export class DealerListPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly auth = inject(AuthService);
  /** Who may add a dealer (the API refuses everyone else). */
  protected readonly hqEditors = ['ADMIN', 'DIRECTOR'] as const;
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly territoriesText = territoriesText;

  protected readonly searchText = signal('');
  private readonly search = toSignal(
    toObservable(this.searchText).pipe(
      map((s) => s.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  /** Back to page 1 whenever the search changes. */
  protected readonly pageIndex = linkedSignal({ source: this.search, computation: () => 1 });
  protected readonly pageSize = signal(20);

  protected readonly dealers = rxResource({
    params: () => ({
      ...pageVariables(this.pageIndex(), this.pageSize()),
      search: this.search() || undefined,
    }),
    stream: ({ params }) =>
      this.apollo.query({ query: DEALERS, variables: params }).pipe(map((result) => result.data?.dealers ?? null)),
  });

  /** The last page received: rows stay visible (under the spinner) while the next page loads. */
  protected readonly page = linkedSignal<Connection<Dealer> | null, Connection<Dealer> | null>({
    source: () => (this.dealers.hasValue() ? this.dealers.value() : null),
    computation: (next, previous) => next ?? (this.dealers.isLoading() ? (previous?.value ?? null) : null),
  });

  protected errorMessage(): string {
    return graphqlErrorMessage(this.dealers.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected regionLabel(region: string | null): string {
    return region ? this.i18n.tDynamic(`region.${region}`, region) : '—';
  }
}
