import { registerEnumType } from '@nestjs/graphql';

export enum AlertSeverity {
  RED = 'RED',
  ORANGE = 'ORANGE',
  YELLOW = 'YELLOW',
  BLUE = 'BLUE',
}
registerEnumType(AlertSeverity, { name: 'AlertSeverity', description: 'Colour of an alert: RED, ORANGE, YELLOW, BLUE (a task) / 预警颜色' });

/** Hex colours the portal and the webhook cards use. */
export const SEVERITY_COLOR: Record<AlertSeverity, string> = {
  RED: '#f5222d',
  ORANGE: '#fa8c16',
  YELLOW: '#fadb14',
  BLUE: '#1677ff',
};

export const SEVERITY_LABEL: Record<AlertSeverity, { zh: string; en: string }> = {
  RED: { zh: '红色预警', en: 'Red alert' },
  ORANGE: { zh: '橙色预警', en: 'Orange alert' },
  YELLOW: { zh: '黄色预警', en: 'Yellow alert' },
  BLUE: { zh: '待办任务', en: 'Task' },
};

export enum AlertSubjectType {
  CUSTOMER = 'CUSTOMER',
  REP = 'REP',
  REGION = 'REGION',
}
registerEnumType(AlertSubjectType, { name: 'AlertSubjectType', description: 'What an alert is about: a customer, a sales rep or a region' });

export enum AlertChannel {
  INBOX = 'INBOX',
  EMAIL = 'EMAIL',
  WECOM = 'WECOM',
  DINGTALK = 'DINGTALK',
}
registerEnumType(AlertChannel, { name: 'AlertChannel', description: 'In-app inbox, email, WeCom (企业微信) or DingTalk (钉钉) group robot' });

/** The five rules of PRODUCT.md §2, by stable code. */
export const AlertRuleCode = {
  NEXT_ACTION_STALE: 'NEXT_ACTION_STALE',
  CONTRACT_NO_ATTACHMENT: 'CONTRACT_NO_ATTACHMENT',
  CONTRACT_TOO_LONG: 'CONTRACT_TOO_LONG',
  REP_OVERDUE_CUSTOMERS: 'REP_OVERDUE_CUSTOMERS',
  REGION_DELIVERY_RATIO: 'REGION_DELIVERY_RATIO',
} as const;
export type AlertRuleCode = (typeof AlertRuleCode)[keyof typeof AlertRuleCode];

export const AlertErrorCode = {
  ALERT_RULE_INVALID: 'ALERT_RULE_INVALID',
} as const;
