import { AlertChannel, AlertRuleCode, AlertSeverity } from './alert-vocabulary';
import type { AlertRule } from './alert-rule.entity';

type RuleDefaults = Pick<AlertRule, 'code' | 'nameZh' | 'nameEn' | 'severity' | 'threshold' | 'unit' | 'channels'>;

/** The five rules of PRODUCT.md §2, written on first use; thresholds are data from then on. */
export const DEFAULT_ALERT_RULES: readonly RuleDefaults[] = [
  { code: AlertRuleCode.NEXT_ACTION_STALE, nameZh: '下次行动超 48 小时未更新', nameEn: 'Next action not updated for 48 hours', severity: AlertSeverity.RED, threshold: 48, unit: 'HOURS', channels: [AlertChannel.INBOX, AlertChannel.WECOM, AlertChannel.DINGTALK] },
  { code: AlertRuleCode.CONTRACT_NO_ATTACHMENT, nameZh: '进入合同阶段 3 天无新附件', nameEn: 'No new attachment 3 days after entering Contract', severity: AlertSeverity.BLUE, threshold: 3, unit: 'DAYS', channels: [AlertChannel.INBOX] },
  { code: AlertRuleCode.CONTRACT_TOO_LONG, nameZh: '合同阶段停留超过 15 天', nameEn: 'More than 15 days in Contract', severity: AlertSeverity.YELLOW, threshold: 15, unit: 'DAYS', channels: [AlertChannel.INBOX] },
  { code: AlertRuleCode.REP_OVERDUE_CUSTOMERS, nameZh: '销售员逾期客户 ≥ 3 家', nameEn: 'Rep with 3 or more overdue customers', severity: AlertSeverity.ORANGE, threshold: 3, unit: 'CUSTOMERS', channels: [AlertChannel.INBOX] },
  { code: AlertRuleCode.REGION_DELIVERY_RATIO, nameZh: '区域批量交付客户数 < 合同客户数的 60%', nameEn: 'Region: Mass delivery below 60% of Contract', severity: AlertSeverity.RED, threshold: 60, unit: 'PERCENT', channels: [AlertChannel.INBOX, AlertChannel.EMAIL] },
];
