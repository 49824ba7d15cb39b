import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { ACKNOWLEDGE, type Alert, CUSTOMER_ALERTS, UNREAD_COUNT } from './alerts.graphql';

/**
 * Alerts and tasks about one customer (open first), with acknowledge. For the customer detail
 * page: `<lx-customer-alerts-panel [customerId]="id" />`.
 */
@Component({
  selector: 'lx-customer-alerts-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './alerts-zorro.less',
  imports: [DatePipe, NzButtonModule, NzEmptyModule, NzTagModule, TranslatePipe],
  template: `
    <div class="lx-customer-alerts" data-testid="customer-alerts-panel">
      @for (alert of alerts(); track alert.id) {
        <div class="lx-customer-alerts__row" data-testid="customer-alert" [attr.data-severity]="alert.severity" [attr.data-open]="alert.open" [class.lx-customer-alerts__closed]="!alert.open">
          <nz-tag [nzColor]="alert.color">{{ label(alert) }}</nz-tag>
          <div class="lx-customer-alerts__text">
            <div>{{ i18n.lang() === 'zh' ? alert.titleZh : alert.titleEn }}</div>
            <div class="lx-customer-alerts__meta">
              {{ alert.raisedAt | date: 'yyyy-MM-dd HH:mm' }}
              · {{ (alert.open ? (alert.acknowledgedAt ? 'alerts.state.acknowledged' : 'alerts.state.open') : 'alerts.state.resolved') | t }}
            </div>
          </div>
          @if (alert.open && !alert.acknowledgedAt) {
            <button nz-button nzSize="small" (click)="acknowledge(alert)" data-testid="customer-alert-ack">{{ 'alerts.acknowledge' | t }}</button>
          }
        </div>
      } @empty {
        <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'alerts.noneForCustomer' | t"></nz-empty>
      }
    </div>
  `,
  styles: `
    .lx-customer-alerts__row { display: flex; align-items: flex-start; gap: 8px; padding: 6px 0; border-bottom: 1px solid #f0f0f0; }
    .lx-customer-alerts__text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
    .lx-customer-alerts__meta { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .lx-customer-alerts__closed { opacity: 0.55; }
  `,
})
export class CustomerAlertsPanelComponent {
  private readonly apollo = inject(Apollo);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);

  readonly customerId = input.required<string>();
  private readonly reload = signal(0);

  private readonly result = rxResource({
    params: () => ({ customerId: this.customerId(), reload: this.reload() }),
    stream: ({ params }) =>
      this.apollo.query({ query: CUSTOMER_ALERTS, variables: { customerId: params.customerId }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.alerts.nodes ?? [])),
  });

  protected alerts(): Alert[] {
    const list = this.result.hasValue() ? this.result.value() : [];
    return [...list].sort((a, b) => Number(b.open) - Number(a.open));
  }

  protected async acknowledge(alert: Alert): Promise<void> {
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: ACKNOWLEDGE, variables: { id: alert.id }, refetchQueries: [UNREAD_COUNT] }));
      this.reload.update((n) => n + 1);
    } catch (error) {
      this.message.error(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    }
  }

  protected label(x: { kind: string; severity: string }): string {
    return x.kind === 'TASK' ? this.i18n.t('alerts.kind.TASK') : this.i18n.tDynamic(`alerts.severity.${x.severity}`, x.severity);
  }
}
