import { columnParsers as p, type TabularColumns } from '@lianxiao/platform';
import { CHANNELS, INDUSTRIES, REGIONS } from '@lianxiao/demo-data';

/** One customer row as read from the file (before the customer-master rules run). */
export interface CustomerImportRow {
  name: string;
  creditCode: string;
  industry: string;
  region: string;
  channel: string;
  owner: string;
  provinceCode: string;
  city: string;
  phone: string;
  productLines: string;
  nextActionDate: Date;
  lastInteractionAt: Date;
}

const oneOf = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, [v]])) as Record<string, string[]>;

export const CUSTOMER_IMPORT_COLUMNS: TabularColumns<CustomerImportRow> = {
  name: { headers: ['客户名称', 'Customer name', 'name'], parse: p.string({ maxLength: 128 }), required: true },
  creditCode: { headers: ['统一社会信用代码', '信用代码', 'Credit code', 'creditCode'], parse: p.string({ halfWidth: true, maxLength: 18 }), required: true },
  industry: { headers: ['行业', 'Industry'], parse: p.string({ maxLength: 32 }), required: true },
  region: { headers: ['区域', 'Region'], parse: p.enum(oneOf(REGIONS)), required: true },
  channel: { headers: ['首次接触渠道', '渠道', 'Channel'], parse: p.enum({ ...oneOf(CHANNELS), PHONE: ['电话', 'phone'], TRADE_SHOW: ['展会', 'trade show'], REFERRAL: ['转介绍', '介绍', 'referral'] }), required: true },
  owner: { headers: ['负责人账号', '负责人', 'Owner'], parse: p.string({ maxLength: 64 }) },
  provinceCode: { headers: ['省份代码', 'Province code'], parse: p.string({ halfWidth: true, pattern: /^\d{6}$/, patternZh: '6 位行政区划代码', patternEn: '6-digit GB/T 2260 code' }) },
  city: { headers: ['城市', 'City'], parse: p.string({ maxLength: 32 }) },
  phone: { headers: ['电话', '联系电话', 'Phone'], parse: p.string({ halfWidth: true, maxLength: 32 }) },
  productLines: { headers: ['产品线', 'Product lines'], parse: p.string({ maxLength: 200 }) },
  nextActionDate: { headers: ['下次行动日期', 'Next action date'], parse: p.date() },
  lastInteractionAt: { headers: ['最近互动时间', 'Last interaction'], parse: p.date({ max: new Date(Date.now() + 86_400_000 * 366 * 100) }) },
};

export interface FollowUpImportRow {
  creditCode: string;
  type: 'VISIT' | 'CALL' | 'EMAIL' | 'WECHAT';
  summary: string;
  obstacle: string;
  nextAction: string;
  nextActionDate: Date;
  occurredAt: Date;
}

export const FOLLOW_UP_IMPORT_COLUMNS: TabularColumns<FollowUpImportRow> = {
  creditCode: { headers: ['客户统一社会信用代码', '统一社会信用代码', '信用代码', 'Customer credit code', 'creditCode'], parse: p.string({ halfWidth: true, maxLength: 18 }), required: true },
  type: { headers: ['跟进方式', '方式', 'Type'], parse: p.enum({ VISIT: ['拜访', 'visit'], CALL: ['电话', 'call'], EMAIL: ['邮件', 'email'], WECHAT: ['微信', 'wechat'] }), required: true },
  summary: { headers: ['跟进内容', '摘要', 'Summary'], parse: p.string({ maxLength: 4000 }), required: true },
  obstacle: { headers: ['关键障碍', '障碍', 'Obstacle'], parse: p.string({ maxLength: 500 }) },
  nextAction: { headers: ['下次行动', '下一步', 'Next action'], parse: p.string({ maxLength: 500 }) },
  nextActionDate: { headers: ['下次行动日期', 'Next action date'], parse: p.date() },
  occurredAt: { headers: ['跟进时间', 'Date'], parse: p.date() },
};

/** Column headers for the downloadable template (zh first, as Chinese Excel users expect). */
export const IMPORT_TEMPLATE_HEADERS: Record<'CUSTOMERS' | 'FOLLOW_UPS', string[]> = {
  CUSTOMERS: Object.values(CUSTOMER_IMPORT_COLUMNS).map((c) => c.headers[0] + (c.required ? '*' : '')),
  FOLLOW_UPS: Object.values(FOLLOW_UP_IMPORT_COLUMNS).map((c) => c.headers[0] + (c.required ? '*' : '')),
};

/** YYYY-MM-DD of a date read in China time (the tabular date parser returns the UTC instant). */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const INDUSTRY_LIST = INDUSTRIES;
