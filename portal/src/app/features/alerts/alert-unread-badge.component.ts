import { ChangeDetectionStrategy, Component, ViewEncapsulation, DestroyRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule, NzIconService } from 'ng-zorro-antd/icon';
import { BellOutline } from '@ant-design/icons-angular/icons';
import { TranslatePipe } from '../../shared/translate.pipe';
import { UNREAD_COUNT } from './alerts.graphql';

/** Bell with the unread inbox count for the header; polls every minute. `<lx-alert-unread-badge />`. */
@Component({
  selector: 'lx-alert-unread-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './alert-badge-zorro.less',
  imports: [RouterLink, NzBadgeModule, NzIconModule, TranslatePipe],
  template: `
    <a routerLink="/alerts" class="lx-alert-badge" data-testid="header-alert-badge" [attr.aria-label]="'alerts.inboxTitle' | t" [attr.data-count]="count()">
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

  constructor() {
    // Registered here rather than app-wide: only this badge uses it.
    inject(NzIconService).addIcon(BellOutline);
    const sub = this.apollo
      .watchQuery({ query: UNREAD_COUNT, pollInterval: 60_000, fetchPolicy: 'network-only' })
      .valueChanges.subscribe((r) => this.count.set(r.data?.alertInboxUnreadCount ?? 0));
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }
}
