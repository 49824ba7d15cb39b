import type { Caller, RowError, TabularReadResult } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';
import { Customer } from '../customer';
import { checkCustomerFields } from '../customer/customer-input-rules';
import { pinyinInitialsOf } from '../customer/customer-search';
import { demoOwnerName, ownerNameFor } from '../customer/owner-name';
import { FollowUp, FollowUpType, FollowUpVersion } from '../pipeline';
import { checkFollowUpFields } from '../pipeline/follow-up-rules';
import { chinaDate, CustomerImportRow, FollowUpImportRow } from './import-columns';

/** What a commit writes, built by the dry run from a file without errors. */
export interface CustomerImportPlan {
  customers: Customer[];
}

export interface FollowUpImportPlan {
  followUps: FollowUp[];
  versions: FollowUpVersion[];
  /** Per customer: the latest interaction and the next action date of its latest row. */
  touches: Map<string, { lastInteractionAt: Date; nextActionDate: string | null }>;
}

export interface PlanContext {
  caller: Caller;
  /** A supervisor imports into their own region only. */
  region: string | null;
  now: Date;
  newId: () => string;
  firstNodeOfLead: string;
}

let usersByLogin: Map<string, string> | undefined;
/** Owner by username or id; users are the demo world's until identity publishes user events (see owner-name.ts). */
function ownerIdOf(text: string): string | null {
  usersByLogin ??= new Map(demoWorld().users.flatMap((u) => [[u.username.toLowerCase(), u.id], [u.id, u.id]] as Array<[string, string]>));
  return usersByLogin.get(text.trim().toLowerCase()) ?? null;
}

const FIELD_KEYS: Record<string, keyof CustomerImportRow> = {
  name: 'name', creditCode: 'creditCode', industry: 'industry', region: 'region', provinceCode: 'provinceCode', city: 'city',
  channel: 'channel', productLines: 'productLines', ownerId: 'owner', phone: 'phone', nextActionDate: 'nextActionDate',
};

/**
 * Customer rows → customers to insert, with every problem a row has: the customer-master rules
 * (credit code check digit, pick lists…), the caller's region, owners, and credit codes repeated
 * in the file or already taken (`existingCodes`).
 */
export function planCustomerImport(read: TabularReadResult<CustomerImportRow>, existingCodes: ReadonlySet<string>, ctx: PlanContext): { plan: CustomerImportPlan; errors: RowError[] } {
  const errors: RowError[] = [];
  const customers: Customer[] = [];
  const header = (key: keyof CustomerImportRow) => read.columnHeaders[key] ?? key;
  const seen = new Map<string, number>();
  for (const row of read.rows) {
    const v = row.values;
    const rowErrors: RowError[] = [];
    // Credit codes repeated in the file or already taken: checked on every row, even one with other problems.
    const rawCode = v.creditCode?.trim().toUpperCase();
    if (rawCode) {
      const first = seen.get(rawCode);
      if (first !== undefined) rowErrors.push({ row: row.row, column: header('creditCode'), reasonZh: `与第 ${first} 行的统一社会信用代码重复`, reasonEn: `same credit code as row ${first}` });
      else seen.set(rawCode, row.row);
      if (existingCodes.has(rawCode)) rowErrors.push({ row: row.row, column: header('creditCode'), reasonZh: `统一社会信用代码 ${rawCode} 已被现有客户使用`, reasonEn: `credit code ${rawCode} is already used by an existing customer` });
    }
    if (row.errors.length) { // the reader reported the rest of this row
      errors.push(...rowErrors);
      continue;
    }
    let ownerId = ctx.caller.userId;
    if (v.owner) {
      const found = ownerIdOf(v.owner);
      if (found) ownerId = found;
      else rowErrors.push({ row: row.row, column: header('owner'), reasonZh: `找不到用户「${v.owner}」`, reasonEn: `no user "${v.owner}"` });
    }
    const check = checkCustomerFields({
      name: v.name, creditCode: v.creditCode, industry: v.industry, region: v.region, channel: v.channel, ownerId,
      provinceCode: v.provinceCode, city: v.city, phone: v.phone,
      productLines: v.productLines ? v.productLines.split(/[,，、;；|]/).map((s) => s.trim()).filter(Boolean) : [],
      nextActionDate: v.nextActionDate ? chinaDate(v.nextActionDate) : null,
    }, 'create');
    if (!check.ok) {
      for (const d of check.details) rowErrors.push({ row: row.row, column: header(FIELD_KEYS[d.field ?? ''] ?? 'name'), reasonZh: d.messageZh, reasonEn: d.messageEn });
    }
    if (ctx.region && v.region && v.region !== ctx.region) {
      rowErrors.push({ row: row.row, column: header('region'), reasonZh: `主管只能导入本区域（${ctx.region}）的客户`, reasonEn: `a supervisor may only import customers of their region (${ctx.region})` });
    }
    if (rowErrors.length || !check.ok) {
      errors.push(...rowErrors);
      continue;
    }
    const f = check.value;
    const last = v.lastInteractionAt && v.lastInteractionAt < ctx.now ? v.lastInteractionAt : ctx.now;
    customers.push({
      id: ctx.newId(),
      name: f.name!, creditCode: f.creditCode!, industry: f.industry!, region: f.region!,
      provinceCode: f.provinceCode ?? null, city: f.city ?? null, channel: f.channel!, productLines: f.productLines ?? [],
      ownerId: f.ownerId!, ownerName: f.ownerId === ctx.caller.userId ? ownerNameFor(f.ownerId!, ctx.caller) : demoOwnerName(f.ownerId!),
      stage: 'LEAD', node: ctx.firstNodeOfLead, stageEnteredAt: ctx.now, lastInteractionAt: last,
      nextActionDate: f.nextActionDate ?? null, contractedAmount: 0, phone: f.phone ?? null,
      namePinyinInitials: pinyinInitialsOf(f.name!), mergedIntoId: null, archivedAt: null, createdAt: ctx.now, updatedAt: ctx.now,
    });
  }
  return { plan: { customers }, errors };
}

/** Follow-up rows → follow-ups (version 1 each) for customers in the caller's scope, found by credit code. */
export function planFollowUpImport(read: TabularReadResult<FollowUpImportRow>, customerIdByCode: ReadonlyMap<string, string>, ctx: PlanContext): { plan: FollowUpImportPlan; errors: RowError[] } {
  const errors: RowError[] = [];
  const plan: FollowUpImportPlan = { followUps: [], versions: [], touches: new Map() };
  const header = (key: keyof FollowUpImportRow) => read.columnHeaders[key] ?? key;
  for (const row of read.rows) {
    if (row.errors.length) continue;
    const v = row.values;
    const rowErrors: RowError[] = [];
    const code = (v.creditCode ?? '').toUpperCase();
    const customerId = customerIdByCode.get(code);
    if (!customerId) rowErrors.push({ row: row.row, column: header('creditCode'), reasonZh: `找不到统一社会信用代码为 ${code} 的客户（或不在您的范围内）`, reasonEn: `no customer with credit code ${code} in your scope` });
    const at = v.occurredAt ?? ctx.now;
    if (at.getTime() > ctx.now.getTime() + 60_000) rowErrors.push({ row: row.row, column: header('occurredAt'), reasonZh: '跟进时间不能晚于现在', reasonEn: 'the follow-up time is in the future' });
    const fields = { type: v.type ?? '', summary: v.summary ?? '', obstacle: v.obstacle ?? null, nextAction: v.nextAction ?? null, nextActionDate: v.nextActionDate ? chinaDate(v.nextActionDate) : null, latitude: null, longitude: null };
    for (const d of checkFollowUpFields(fields)) rowErrors.push({ row: row.row, column: header((d.field as keyof FollowUpImportRow) ?? 'summary'), reasonZh: d.messageZh, reasonEn: d.messageEn });
    if (rowErrors.length || !customerId) {
      errors.push(...rowErrors);
      continue;
    }
    const id = ctx.newId();
    const followUp: FollowUp = {
      id, customerId, type: fields.type as FollowUpType, summary: fields.summary, obstacle: fields.obstacle, nextAction: fields.nextAction,
      nextActionDate: fields.nextActionDate, latitude: null, longitude: null, createdBy: ctx.caller.userId, createdAt: at,
      editedBy: null, editedAt: null, version: 1,
    };
    plan.followUps.push(followUp);
    plan.versions.push({
      id: ctx.newId(), followUpId: id, version: 1, type: followUp.type, summary: followUp.summary, obstacle: followUp.obstacle,
      nextAction: followUp.nextAction, nextActionDate: followUp.nextActionDate, latitude: null, longitude: null,
      authoredBy: ctx.caller.userId, authoredAt: at,
    });
    const touch = plan.touches.get(customerId);
    if (!touch || touch.lastInteractionAt <= at) plan.touches.set(customerId, { lastInteractionAt: at, nextActionDate: fields.nextActionDate ?? touch?.nextActionDate ?? null });
  }
  return { plan, errors };
}
