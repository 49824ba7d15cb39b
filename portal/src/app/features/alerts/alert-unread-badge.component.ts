import { ChangeDetectionStrategy, Component, ViewEncapsulation, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule, NzIconService } from 'ng-zorro-antd/icon';
import { BellOutline } from '@ant-design/icons-angular/icons';
import { filter } from 'rxjs';
import { TranslatePipe } from '../../shared/translate.pipe';
import { UNREAD_COUNT } from './alerts.graphql';

/** Background refresh; acknowledging or reading in the portal refetches at once (refetchQueries). */
const POLL_MS = 60_000;
/** A navigation refetches the count only when the last answer is older than this. */
const REFRESH_ON_NAVIGATION_AFTER_MS = 15_000;

/**
 * Bell with the unread inbox count for the header: `<lx-alert-unread-badge />`. Polls every minute,
 * refetches on navigation when the count is older than 15 s, and follows the acknowledge / mark-read
 * mutations, which refetch the active AlertInboxUnreadCount query.
 */
@Component({
  selector: 'lx-alert-unread-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './alert-badge-zorro.less',
  imports: [RouterLink, NzBadgeModule, NzIconModule, TranslatePipe],
  template: `
    <a routerLink="/alerts" class="lx-alert-badge" data-testid="header-alert-badge" [attr.aria-label]="'alerts.inboxTitle' | t" [attr.title]="'alerts.inboxTitle' | t" [attr.data-count]="count()">
      <nz-badge [nzCount]="count()" nzSize="small"><span nz-icon nzType="bell" class="lx-alert-badge__icon"></span></nz-badge>
    </a>
  `,
  styles: `
    .lx-alert-badge { display: inline-flex; align-items: center; padding: 0 8px; color: inherit; }
    .lx-alert-badge__icon { font-size: 18px; }
  `,
})
export class AlertUnreadBadgeComponent {
  private readonly apollo = inject(Apollo);
  protected readonly count = signal(0);
  private answeredAt = 0;

  constructor() {
    // Registered here rather than app-wide: only this badge uses it.
    inject(NzIconService).addIcon(BellOutline);
    const query = this.apollo.watchQuery({ query: UNREAD_COUNT, pollInterval: POLL_MS, fetchPolicy: 'network-only' });
    const sub = query.valueChanges.subscribe((r) => {
      if (r.data?.alertInboxUnreadCount === undefined) return;
      this.count.set(r.data.alertInboxUnreadCount);
      this.answeredAt = Date.now();
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (Date.now() - this.answeredAt > REFRESH_ON_NAVIGATION_AFTER_MS) void query.refetch().catch(() => undefined);
      });
  }
}
