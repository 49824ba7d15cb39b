import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export type AlertSeverity = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';

export interface InboxItem {
  id: string;
  kind: 'ALERT' | 'TASK';
  alertId: string | null;
  customerId: string | null;
  severity: AlertSeverity;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  createdAt: string;
  readAt: string | null;
}

export interface Alert {
  id: string;
  ruleCode: string;
  severity: AlertSeverity;
  color: string;
  kind: string;
  subjectType: string;
  subjectName: string;
  customerId: string | null;
  titleZh: string;
  titleEn: string;
  detailZh: string;
  detailEn: string;
  raisedAt: string;
  open: boolean;
  acknowledgedAt: string | null;
}

export interface AlertRule {
  code: string;
  nameZh: string;
  nameEn: string;
  severity: AlertSeverity;
  threshold: number;
  unit: string;
  enabled: boolean;
  channels: string[];
  wecomWebhookUrl: string | null;
  dingtalkWebhookUrl: string | null;
  emailTo: string[];
}

/** Colours of the four severities (same as the API's `color`). */
export const SEVERITY_COLORS: Record<AlertSeverity, string> = { RED: '#f5222d', ORANGE: '#fa8c16', YELLOW: '#fadb14', BLUE: '#1677ff' };

const ALERT_FIELDS = 'id ruleCode severity color kind subjectType subjectName customerId titleZh titleEn detailZh detailEn raisedAt open acknowledgedAt';

export const INBOX = gql<{ alertInbox: Connection<InboxItem>; alertInboxUnreadCount: number }, { first: number; offset: number; unreadOnly?: boolean }>`
  query AlertInbox($first: Int, $offset: Int, $unreadOnly: Boolean) {
    alertInbox(first: $first, offset: $offset, unreadOnly: $unreadOnly) {
      totalCount
      nodes { id kind alertId customerId severity titleZh titleEn bodyZh bodyEn createdAt readAt }
      pageInfo { hasNextPage endCursor }
    }
    alertInboxUnreadCount
  }
`;

export const UNREAD_COUNT = gql<{ alertInboxUnreadCount: number }, Record<string, never>>`
  query AlertInboxUnreadCount { alertInboxUnreadCount }
`;

export const MARK_READ = gql<{ markInboxRead: number }, { ids?: string[] | null }>`
  mutation MarkInboxRead($ids: [ID!]) { markInboxRead(ids: $ids) }
`;

export const ACKNOWLEDGE = gql<{ acknowledgeAlert: Alert }, { id: string }>`
  mutation AcknowledgeAlert($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT_FIELDS} } }
`;

export const CUSTOMER_ALERTS = gql<{ alerts: Connection<Alert> }, { customerId: string }>`
  query CustomerAlerts($customerId: ID) {
    alerts(customerId: $customerId, first: 50) { totalCount nodes { ${ALERT_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
`;

export const ALERT_RULES = gql<{ alertRules: AlertRule[] }, Record<string, never>>`
  query AlertRules { alertRules { code nameZh nameEn severity threshold unit enabled channels wecomWebhookUrl dingtalkWebhookUrl emailTo } }
`;

export const UPDATE_ALERT_RULE = gql<{ updateAlertRule: AlertRule }, { code: string; input: Record<string, unknown> }>`
  mutation UpdateAlertRule($code: String!, $input: UpdateAlertRuleInput!) {
    updateAlertRule(code: $code, input: $input) { code nameZh nameEn severity threshold unit enabled channels wecomWebhookUrl dingtalkWebhookUrl emailTo }
  }
`;
