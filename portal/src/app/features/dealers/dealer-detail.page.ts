import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorCode, graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { DEALER, territoriesText } from './dealer.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/** Codes that mean "not yours" — shown as 403. Unknown ids and null answers are shown as 404. */
const FORBIDDEN_CODES = new Set(['FORBIDDEN', 'DEALER_SCOPE_VIOLATION']);
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'DEALER_NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * One dealer. Scope is the API's decision: a dealer user who edits the URL gets FORBIDDEN or
 * null from `dealer(id)`, and this page shows a 403 / 404 result instead of data.
 */
@Component({
  selector: 'lx-dealer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    DecimalPipe,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzResultModule,
    NzSpinModule,
    NzTagModule,
    TranslatePipe,
  ],
  styleUrl: '../../../styles/zorro/detail-page.less',
  styles: `
    .lx-page-actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .lx-dealer-contact { padding: 8px 0; border-bottom: 1px solid #f0f0f0; }
    .lx-dealer-contact:last-child { border-bottom: none; }
  `,
  templateUrl: './dealer-detail.page.html',
})
export class DealerDetailPage {
  private readonly apollo = inject(Apollo);
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly territoriesText = territoriesText;
  /** Who may edit a dealer's master data (the API refuses everyone else). */
  protected readonly hqEditors = ['ADMIN', 'DIRECTOR'] as const;

  /** Route parameter `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly dealer = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) =>
      this.apollo.query({ query: DEALER, variables: params }).pipe(map((result) => result.data?.dealer ?? null)),
  });

  protected readonly outcome = computed<'loading' | 'ok' | 'forbidden' | 'not-found' | 'error'>(() => {
    if (this.dealer.isLoading()) return 'loading';
    const error = this.dealer.error();
    if (error) {
      const code = graphqlErrorCode(error) ?? '';
      if (FORBIDDEN_CODES.has(code)) return 'forbidden';
      if (NOT_FOUND_CODES.has(code)) return 'not-found';
      return 'error';
    }
    return this.dealer.hasValue() && this.dealer.value() ? 'ok' : 'not-found';
  });

  protected errorMessage(): string {
    return graphqlErrorMessage(this.dealer.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected regionLabel(region: string | null): string {
    return region ? this.i18n.tDynamic(`region.${region}`, region) : '—';
  }
}
