import { Injectable } from '@nestjs/common';
import { createLogger, Mailer, mapWithConcurrency, newId } from '@lianxiao/platform';
import { dingtalkBody, dingtalkSignedUrl, postRobot, wecomBody } from '../notifications/robot-webhook';
import { UserDirectory } from '../notifications/user-directory';
import { Alert } from './alert.entity';
import { AlertDelivery } from './alert-delivery.entity';
import { AlertRule } from './alert-rule.entity';
import { AlertChannel, SEVERITY_COLOR, SEVERITY_LABEL } from './alert-vocabulary';

/**
 * Alerts sent at once: mail servers and robot webhooks answer in tens to hundreds of ms, so a sweep
 * raising thousands of alerts sends them eight at a time instead of one after another.
 */
const SEND_CONCURRENCY = 8;

/** Delivers raised alerts by email, WeCom and DingTalk robots, as each alert's rule says. */
@Injectable()
export class AlertSender {
  private readonly log = createLogger('customers.alerts');
  private readonly mailer = Mailer.fromEnv();
  readonly directory = UserDirectory.fromDemoWorld();

  /** Sends every alert whose rule is known; one delivery record per send, in the alerts' order. */
  async sendAll(alerts: readonly Alert[], rules: readonly AlertRule[]): Promise<AlertDelivery[]> {
    const byCode = new Map(rules.map((r) => [r.code, r]));
    const sent = await mapWithConcurrency(alerts, SEND_CONCURRENCY, async (alert) => {
      const rule = byCode.get(alert.ruleCode);
      return rule ? this.send(alert, rule) : [];
    });
    return sent.flat();
  }

  /** Sends the alert by email and robots as its rule says; returns one delivery record per send. */
  async send(alert: Alert, rule: AlertRule): Promise<AlertDelivery[]> {
    const label = SEVERITY_LABEL[alert.severity];
    const records: AlertDelivery[] = [];
    const record = (channel: AlertChannel, target: string, status: string, error: string | null = null) =>
      records.push({ id: newId(), alertId: alert.id, channel, target: target.slice(0, 255), status, error, at: new Date() });

    if (rule.channels.includes(AlertChannel.EMAIL)) {
      const addresses = [...new Set([...alert.recipientIds.map((id) => this.directory.get(id)?.email).filter((e): e is string => !!e), ...rule.emailTo])];
      for (const to of addresses) {
        const result = await this.mailer.send({
          to,
          subject: `【联销${label.zh}】${alert.titleZh}`,
          text: `${alert.titleZh}\n\n${alert.detailZh}\n\n— ${label.en}: ${alert.titleEn}\n${alert.detailEn}\n\n规则 Rule: ${rule.nameZh} / ${rule.nameEn}\n预警编号 Alert id: ${alert.id}`,
          html: `<h3 style="color:${SEVERITY_COLOR[alert.severity]}">${escapeHtml(alert.titleZh)}</h3><p>${escapeHtml(alert.detailZh)}</p><hr><p>${escapeHtml(alert.titleEn)}<br>${escapeHtml(alert.detailEn)}</p><p style="color:#888">${escapeHtml(rule.nameZh)} · ${alert.id}</p>`,
        });
        record(AlertChannel.EMAIL, to, result.sent ? 'SENT' : result.reason === 'DISABLED' ? 'DISABLED' : 'FAILED', result.error ?? null);
      }
    }
    const robot = { title: `${label.zh}：${alert.titleZh}`, markdown: `${alert.detailZh}\n\n> ${alert.titleEn}\n> 预警编号 ${alert.id}`, color: SEVERITY_COLOR[alert.severity] };
    if (rule.channels.includes(AlertChannel.WECOM) && rule.wecomWebhookUrl) {
      const result = await postRobot(rule.wecomWebhookUrl, wecomBody(robot));
      record(AlertChannel.WECOM, hostOf(rule.wecomWebhookUrl), result.ok ? 'SENT' : 'FAILED', result.error ?? null);
    }
    if (rule.channels.includes(AlertChannel.DINGTALK) && rule.dingtalkWebhookUrl) {
      const result = await postRobot(dingtalkSignedUrl(rule.dingtalkWebhookUrl, rule.dingtalkSecret), dingtalkBody(robot));
      record(AlertChannel.DINGTALK, hostOf(rule.dingtalkWebhookUrl), result.ok ? 'SENT' : 'FAILED', result.error ?? null);
    }
    const failed = records.filter((r) => r.status === 'FAILED');
    if (failed.length) this.log.warn({ alertId: alert.id, failed: failed.map((f) => ({ channel: f.channel, error: f.error })) }, 'some alert deliveries failed');
    return records;
  }
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 100);
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
