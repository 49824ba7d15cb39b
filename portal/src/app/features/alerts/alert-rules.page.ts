import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { ALERT_RULES, type AlertRule, SEVERITY_COLORS, UPDATE_ALERT_RULE } from './alerts.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

interface RuleDraft {
  threshold: number;
  enabled: boolean;
  channels: string[];
  wecomWebhookUrl: string;
  dingtalkWebhookUrl: string;
  emailTo: string;
}

const CHANNELS = ['INBOX', 'EMAIL', 'WECOM', 'DINGTALK'] as const;

/** Admin / director: the five alert rules — threshold, on/off, channels, robot URLs, extra email addresses. */
@Component({
  selector: 'lx-alert-rules-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './alerts-zorro.less',
  imports: [LoadFailedComponent, FormsModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, NzInputNumberModule, NzSwitchModule, NzTagModule, TranslatePipe],
  template: `
    <div class="lx-alert-rules" data-testid="alert-rules">
      <h2>{{ 'alerts.rulesTitle' | t }}</h2>
      @if (rules.error()) {
        <lx-load-failed [message]="errorMessage()" (retry)="rules.reload()" />
      }
      @for (rule of list(); track rule.code) {
        <nz-card [nzTitle]="name(rule)" class="lx-alert-rules__card" [attr.data-testid]="'alert-rule-' + rule.code">
          @let d = draft(rule);
          <div class="lx-alert-rules__row">
            <nz-tag [nzColor]="color(rule)">{{ severityLabel(rule) }}</nz-tag>
            <label>{{ 'alerts.enabled' | t }} <nz-switch nzSize="small" [(ngModel)]="d.enabled"></nz-switch></label>
            <label>{{ 'alerts.threshold' | t }}
              <nz-input-number [(ngModel)]="d.threshold" [nzMin]="0" data-testid="alert-rule-threshold"></nz-input-number>
              {{ unitLabel(rule) }}
            </label>
          </div>
          <div class="lx-alert-rules__row">
            @for (c of channels; track c) {
              <label nz-checkbox [ngModel]="d.channels.includes(c)" (ngModelChange)="toggle(d, c, $event)">{{ channelLabel(c) }}</label>
            }
          </div>
          <div class="lx-alert-rules__grid">
            <label>{{ 'alerts.wecomUrl' | t }}<input nz-input [(ngModel)]="d.wecomWebhookUrl" placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" /></label>
            <label>{{ 'alerts.dingtalkUrl' | t }}<input nz-input [(ngModel)]="d.dingtalkWebhookUrl" placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" /></label>
            <label>{{ 'alerts.emailTo' | t }}<input nz-input [(ngModel)]="d.emailTo" placeholder="a@example.com, b@example.com" /></label>
          </div>
          <button nz-button nzType="primary" (click)="save(rule)" [nzLoading]="saving() === rule.code" data-testid="alert-rule-save">{{ 'alerts.save' | t }}</button>
        </nz-card>
      }
    </div>
  `,
  styles: `
    .lx-alert-rules { padding: 16px; max-width: 960px; }
    .lx-alert-rules__card { margin-bottom: 12px; }
    .lx-alert-rules__row { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 12px; }
    .lx-alert-rules__grid { display: grid; grid-template-columns: 1fr; gap: 8px; margin-bottom: 12px; }
    .lx-alert-rules__grid label { display: flex; flex-direction: column; gap: 4px; }
  `,
})
export class AlertRulesPage {
  private readonly apollo = inject(Apollo);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly channels = CHANNELS;
  protected readonly saving = signal<string | null>(null);
  private readonly drafts = new Map<string, RuleDraft>();

  protected readonly rules = rxResource({
    stream: () => this.apollo.query({ query: ALERT_RULES, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.alertRules ?? [])),
  });

  protected list(): AlertRule[] {
    return this.rules.hasValue() ? this.rules.value() : [];
  }

  protected draft(rule: AlertRule): RuleDraft {
    let d = this.drafts.get(rule.code);
    if (!d) {
      d = { threshold: rule.threshold, enabled: rule.enabled, channels: [...rule.channels], wecomWebhookUrl: rule.wecomWebhookUrl ?? '', dingtalkWebhookUrl: rule.dingtalkWebhookUrl ?? '', emailTo: rule.emailTo.join(', ') };
      this.drafts.set(rule.code, d);
    }
    return d;
  }

  protected toggle(d: RuleDraft, channel: string, on: boolean): void {
    d.channels = on ? [...new Set([...d.channels, channel])] : d.channels.filter((c) => c !== channel);
  }

  protected name(rule: AlertRule): string {
    return this.i18n.lang() === 'zh' ? rule.nameZh : rule.nameEn;
  }

  protected color(rule: AlertRule): string {
    return SEVERITY_COLORS[rule.severity];
  }

  protected severityLabel(rule: AlertRule): string {
    return this.i18n.tDynamic(`alerts.severity.${rule.severity}`, rule.severity);
  }

  protected unitLabel(rule: AlertRule): string {
    return this.i18n.tDynamic(`alerts.unit.${rule.unit}`, rule.unit);
  }

  protected channelLabel(channel: string): string {
    return this.i18n.tDynamic(`alerts.channel.${channel}`, channel);
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.rules.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async save(rule: AlertRule): Promise<void> {
    const d = this.draft(rule);
    this.saving.set(rule.code);
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: UPDATE_ALERT_RULE,
          variables: {
            code: rule.code,
            input: {
              threshold: d.threshold, enabled: d.enabled, channels: d.channels, wecomWebhookUrl: d.wecomWebhookUrl.trim(), dingtalkWebhookUrl: d.dingtalkWebhookUrl.trim(),
              emailTo: d.emailTo.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean),
            },
          },
        }),
      );
      this.message.success(this.i18n.t('alerts.saved'));
    } catch (error) {
      this.message.error(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    } finally {
      this.saving.set(null);
    }
  }
}
