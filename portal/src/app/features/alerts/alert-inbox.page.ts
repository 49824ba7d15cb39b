import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzListModule } from 'ng-zorro-antd/list';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { ACKNOWLEDGE, INBOX, type InboxItem, MARK_READ, SEVERITY_COLORS, UNREAD_COUNT } from './alerts.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/** The signed-in user's inbox: alerts and tasks, unread first in the count, acknowledge / mark read. */
@Component({
  selector: 'lx-alert-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './alerts-zorro.less',
  imports: [LoadFailedComponent, DatePipe, FormsModule, RouterLink, NzListModule, NzBadgeModule, NzButtonModule, NzEmptyModule, NzPaginationModule, NzSwitchModule, NzTagModule, TranslatePipe],
  template: `
    <div class="lx-alert-inbox" data-testid="alert-inbox">
      <div class="lx-alert-inbox__head">
        <h2>{{ 'alerts.inboxTitle' | t }}</h2>
        <nz-badge [nzCount]="unread()" [nzOverflowCount]="999" nzShowZero data-testid="inbox-unread-count" [attr.data-count]="unread()"></nz-badge>
        <span class="lx-alert-inbox__spacer"></span>
        <label class="lx-alert-inbox__filter">
          <nz-switch nzSize="small" [ngModel]="unreadOnly()" (ngModelChange)="setUnreadOnly($event)" data-testid="inbox-unread-only"></nz-switch>
          {{ 'alerts.unreadOnly' | t }}
        </label>
        <button nz-button nzSize="small" (click)="markAllRead()" [disabled]="unread() === 0" data-testid="inbox-mark-all-read">{{ 'alerts.markAllRead' | t }}</button>
      </div>
      @if (inbox.error()) {
        <lx-load-failed [message]="errorMessage()" (retry)="inbox.reload()" />
      } @else {
        <nz-list [nzLoading]="inbox.isLoading()" nzItemLayout="vertical">
          @for (item of items(); track item.id) {
            <nz-list-item data-testid="inbox-item" [attr.data-severity]="item.severity" [attr.data-kind]="item.kind" [class.lx-alert-inbox__unread]="!item.readAt">
              <div class="lx-alert-inbox__item">
                <span class="lx-alert-inbox__dot" [style.background]="color(item)"></span>
                <div class="lx-alert-inbox__text">
                  <div class="lx-alert-inbox__title">
                    <nz-tag [nzColor]="color(item)">{{ label(item) }}</nz-tag>
                    @if (item.customerId) {
                      <a [routerLink]="['/customers', item.customerId]" data-testid="inbox-item-customer">{{ title(item) }}</a>
                    } @else {
                      <span>{{ title(item) }}</span>
                    }
                  </div>
                  <div class="lx-alert-inbox__body">{{ body(item) }}</div>
                  <div class="lx-alert-inbox__meta">{{ item.createdAt | date: 'yyyy-MM-dd HH:mm' }}</div>
                </div>
                <div class="lx-alert-inbox__actions">
                  @if (item.alertId) {
                    <button nz-button nzSize="small" nzType="primary" (click)="acknowledge(item)" data-testid="inbox-ack">{{ 'alerts.acknowledge' | t }}</button>
                  }
                  @if (!item.readAt) {
                    <button nz-button nzSize="small" (click)="markRead(item)" data-testid="inbox-mark-read">{{ 'alerts.markRead' | t }}</button>
                  }
                </div>
              </div>
            </nz-list-item>
          } @empty {
            <nz-empty [nzNotFoundContent]="'alerts.empty' | t"></nz-empty>
          }
        </nz-list>
        @if (total() > pageSize) {
          <nz-pagination [nzPageIndex]="pageIndex()" (nzPageIndexChange)="pageIndex.set($event)" [nzPageSize]="pageSize" [nzTotal]="total()" nzSimple></nz-pagination>
        }
      }
    </div>
  `,
  styles: `
    .lx-alert-inbox { padding: 16px; max-width: 960px; }
    .lx-alert-inbox__head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 12px; }
    .lx-alert-inbox__head h2 { margin: 0; font-size: 18px; }
    .lx-alert-inbox__spacer { flex: 1; }
    .lx-alert-inbox__filter { display: inline-flex; align-items: center; gap: 6px; }
    .lx-alert-inbox__item { display: flex; gap: 12px; align-items: flex-start; }
    .lx-alert-inbox__dot { width: 10px; height: 10px; border-radius: 50%; margin-top: 6px; flex: none; }
    .lx-alert-inbox__text { flex: 1; min-width: 0; }
    .lx-alert-inbox__title { font-weight: 500; overflow-wrap: anywhere; }
    .lx-alert-inbox__unread .lx-alert-inbox__title { font-weight: 700; }
    .lx-alert-inbox__body { color: rgba(0, 0, 0, 0.65); margin-top: 4px; overflow-wrap: anywhere; }
    .lx-alert-inbox__meta { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin-top: 4px; }
    .lx-alert-inbox__actions { display: flex; flex-direction: column; gap: 6px; flex: none; }
    @media (max-width: 600px) { .lx-alert-inbox { padding: 8px; } .lx-alert-inbox__item { flex-wrap: wrap; } .lx-alert-inbox__actions { flex-direction: row; width: 100%; justify-content: flex-end; } }
  `,
})
export class AlertInboxPage {
  private readonly apollo = inject(Apollo);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);

  protected readonly pageSize = 20;
  protected readonly pageIndex = signal(1);
  protected readonly unreadOnly = signal(false);
  private readonly reload = signal(0);

  protected readonly inbox = rxResource({
    params: () => ({ ...pageVariables(this.pageIndex(), this.pageSize), unreadOnly: this.unreadOnly() || undefined, reload: this.reload() }),
    stream: ({ params }) =>
      this.apollo
        .query({ query: INBOX, variables: { first: params.first, offset: params.offset, unreadOnly: params.unreadOnly }, fetchPolicy: 'network-only' })
        .pipe(map((r) => r.data ?? null)),
  });

  protected items(): InboxItem[] {
    return this.inbox.hasValue() ? (this.inbox.value()?.alertInbox.nodes ?? []) : [];
  }

  protected total(): number {
    return this.inbox.hasValue() ? (this.inbox.value()?.alertInbox.totalCount ?? 0) : 0;
  }

  protected unread(): number {
    return this.inbox.hasValue() ? (this.inbox.value()?.alertInboxUnreadCount ?? 0) : 0;
  }

  protected color(item: InboxItem): string {
    return SEVERITY_COLORS[item.severity] ?? '#d9d9d9';
  }

  protected title(item: InboxItem): string {
    return this.i18n.lang() === 'zh' ? item.titleZh : item.titleEn;
  }

  protected body(item: InboxItem): string {
    return this.i18n.lang() === 'zh' ? item.bodyZh : item.bodyEn;
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.inbox.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected setUnreadOnly(value: boolean): void {
    this.unreadOnly.set(value);
    this.pageIndex.set(1);
  }

  protected async acknowledge(item: InboxItem): Promise<void> {
    await this.run(this.apollo.mutate({ mutation: ACKNOWLEDGE, variables: { id: item.alertId! }, refetchQueries: [UNREAD_COUNT] }), 'alerts.acknowledged');
  }

  protected async markRead(item: InboxItem): Promise<void> {
    await this.run(this.apollo.mutate({ mutation: MARK_READ, variables: { ids: [item.id] }, refetchQueries: [UNREAD_COUNT] }));
  }

  protected async markAllRead(): Promise<void> {
    await this.run(this.apollo.mutate({ mutation: MARK_READ, variables: { ids: null }, refetchQueries: [UNREAD_COUNT] }));
  }

  /** The mutations refetch the header badge's count (UNREAD_COUNT) when it is on screen. */
  private async run(call: ReturnType<Apollo['mutate']>, done?: 'alerts.acknowledged'): Promise<void> {
    try {
      await firstValueFrom(call);
      if (done) this.message.success(this.i18n.t(done));
      this.reload.update((n) => n + 1);
    } catch (error) {
      this.message.error(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    }
  }

  protected label(x: { kind: string; severity: string }): string {
    return x.kind === 'TASK' ? this.i18n.t('alerts.kind.TASK') : this.i18n.tDynamic(`alerts.severity.${x.severity}`, x.severity);
  }
}
