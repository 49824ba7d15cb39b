import type { ErrorDetail } from '@lianxiao/platform';
import { CHANNELS, INDUSTRIES, isValidCreditCode, PRODUCT_LINES, PROVINCES, REGIONS } from '@lianxiao/demo-data';

/** Editable customer fields as a client sends them (create: the required ones must be present). */
export interface CustomerFieldsInput {
  name?: string | null;
  creditCode?: string | null;
  industry?: string | null;
  region?: string | null;
  provinceCode?: string | null;
  city?: string | null;
  channel?: string | null;
  productLines?: string[] | null;
  ownerId?: string | null;
  phone?: string | null;
  nextActionDate?: string | null;
}

/** Cleaned values of the fields that were given; optional texts left blank become null. */
export interface CustomerFields {
  name?: string;
  creditCode?: string;
  industry?: string;
  region?: string;
  provinceCode?: string | null;
  city?: string | null;
  channel?: string;
  productLines?: string[];
  ownerId?: string;
  phone?: string | null;
  nextActionDate?: string | null;
}

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; details: ErrorDetail[] };

const REQUIRED_ON_CREATE = ['name', 'creditCode', 'industry', 'region', 'channel'] as const;
const FIELD_ZH: Record<(typeof REQUIRED_ON_CREATE)[number], string> = {
  name: '客户名称', creditCode: '统一社会信用代码', industry: '行业', region: '区域', channel: '首次接触渠道',
};
const PHONE = /^\+?\d[\d -]{4,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const blankToNull = (v: string | null | undefined): string | null | undefined => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim());

/** Why a credit code is refused, or null when it is a valid 统一社会信用代码. */
export function creditCodeProblem(code: string): ErrorDetail | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return {
      field: 'creditCode',
      messageZh: '统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z），第 3–8 位为行政区划码',
      messageEn: 'creditCode must be 18 digits or capital letters (no I, O, S, V, Z) with a 6-digit area code in positions 3–8',
    };
  }
  if (!isValidCreditCode(code)) {
    return { field: 'creditCode', messageZh: '统一社会信用代码校验位不正确', messageEn: 'creditCode check character is wrong' };
  }
  return null;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Checks and cleans customer fields; every bad field is reported at once. `create` also requires
 * name, credit code, industry, region and channel; `update` checks only what was given (a null
 * for a required field is refused).
 */
export function checkCustomerFields(input: CustomerFieldsInput, mode: 'create' | 'update'): FieldCheck<CustomerFields> {
  const details: ErrorDetail[] = [];
  const value: CustomerFields = {};
  for (const field of REQUIRED_ON_CREATE) {
    const given = input[field];
    const missing = given === null || (given !== undefined && given.trim() === '') || (mode === 'create' && given === undefined);
    if (missing) details.push({ field, messageZh: `${FIELD_ZH[field]}不能为空`, messageEn: `${field} is required` });
  }
  const failed = (field: string) => details.some((d) => d.field === field);

  if (typeof input.name === 'string' && !failed('name')) {
    const name = input.name.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if ([...name].length > 128) details.push({ field: 'name', messageZh: '客户名称须为 1–128 个字符', messageEn: 'name must be 1–128 characters' });
    else value.name = name;
  }
  if (typeof input.creditCode === 'string' && !failed('creditCode')) {
    const code = input.creditCode.trim().toUpperCase();
    const problem = creditCodeProblem(code);
    if (problem) details.push(problem);
    else value.creditCode = code;
  }
  if (typeof input.industry === 'string' && !failed('industry')) {
    const industry = input.industry.trim();
    if (!(INDUSTRIES as readonly string[]).includes(industry)) {
      details.push({ field: 'industry', messageZh: `行业须为以下之一：${INDUSTRIES.join('、')}`, messageEn: `industry must be one of ${INDUSTRIES.join(', ')}` });
    } else value.industry = industry;
  }
  if (typeof input.region === 'string' && !failed('region')) {
    const region = input.region.trim();
    if (!(REGIONS as readonly string[]).includes(region)) {
      details.push({ field: 'region', messageZh: `区域须为以下之一：${REGIONS.join('、')}`, messageEn: `region must be one of ${REGIONS.join(', ')}` });
    } else value.region = region;
  }
  if (typeof input.channel === 'string' && !failed('channel')) {
    const channel = input.channel.trim().toUpperCase();
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      details.push({ field: 'channel', messageZh: '首次接触渠道须为 PHONE（电话）、TRADE_SHOW（展会）或 REFERRAL（转介绍）', messageEn: `channel must be one of ${CHANNELS.join(', ')}` });
    } else value.channel = channel;
  }

  const provinceCode = blankToNull(input.provinceCode);
  if (provinceCode !== undefined) {
    const province = provinceCode === null ? null : PROVINCES.find((p) => p.code === provinceCode);
    if (province === undefined) {
      details.push({ field: 'provinceCode', messageZh: '省份代码须为 GB/T 2260 的 6 位省级代码', messageEn: 'provinceCode must be a 6-digit GB/T 2260 province code' });
    } else if (province && value.region && province.region !== value.region) {
      details.push({ field: 'provinceCode', messageZh: `${province.name}不属于${value.region}区域`, messageEn: `province ${province.code} is not in region ${value.region}` });
    } else value.provinceCode = provinceCode;
  }
  const city = blankToNull(input.city);
  if (city !== undefined) {
    if (city && [...city].length > 32) details.push({ field: 'city', messageZh: '城市名称不能超过 32 个字符', messageEn: 'city must be at most 32 characters' });
    else value.city = city;
  }
  if (input.productLines !== undefined) {
    const lines = (input.productLines ?? []).map((l) => l.trim());
    const unknown = lines.filter((l) => !(PRODUCT_LINES as readonly string[]).includes(l));
    if (unknown.length) {
      details.push({ field: 'productLines', messageZh: `产品线须为以下之一：${PRODUCT_LINES.join('、')}`, messageEn: `productLines must be among ${PRODUCT_LINES.join(', ')}; unknown: ${unknown.join(', ')}` });
    } else value.productLines = [...new Set(lines)];
  }
  if (input.ownerId !== undefined) {
    const ownerId = input.ownerId?.trim() ?? '';
    if (!ownerId || ownerId.length > 36) details.push({ field: 'ownerId', messageZh: '负责人编号无效', messageEn: 'ownerId must be a user id' });
    else value.ownerId = ownerId;
  }
  const phone = blankToNull(input.phone);
  if (phone !== undefined) {
    if (phone && !PHONE.test(phone)) details.push({ field: 'phone', messageZh: '电话号码格式不正确', messageEn: 'phone must be digits, optionally with +, spaces or dashes' });
    else value.phone = phone;
  }
  const nextActionDate = blankToNull(input.nextActionDate);
  if (nextActionDate !== undefined) {
    if (nextActionDate && !isCalendarDate(nextActionDate)) details.push({ field: 'nextActionDate', messageZh: '下次行动日期须为 YYYY-MM-DD 格式的有效日期', messageEn: 'nextActionDate must be a valid YYYY-MM-DD date' });
    else value.nextActionDate = nextActionDate;
  }
  return details.length ? { ok: false, details } : { ok: true, value };
}

export interface ContactFieldsInput {
  name: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  isPrimary?: boolean | null;
}

export interface ContactFields {
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  isPrimary: boolean;
}

/** Checks a new contact: a 1–64 character name, and a well-formed phone and e-mail when given. */
export function checkContactFields(input: ContactFieldsInput): FieldCheck<ContactFields> {
  const details: ErrorDetail[] = [];
  const name = (input.name ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!name || [...name].length > 64) details.push({ field: 'name', messageZh: '联系人姓名须为 1–64 个字符', messageEn: 'name must be 1–64 characters' });
  const title = blankToNull(input.title) ?? null;
  if (title && [...title].length > 32) details.push({ field: 'title', messageZh: '职务不能超过 32 个字符', messageEn: 'title must be at most 32 characters' });
  const phone = blankToNull(input.phone) ?? null;
  if (phone && !PHONE.test(phone)) details.push({ field: 'phone', messageZh: '电话号码格式不正确', messageEn: 'phone must be digits, optionally with +, spaces or dashes' });
  const email = blankToNull(input.email) ?? null;
  if (email && (email.length > 128 || !EMAIL.test(email))) details.push({ field: 'email', messageZh: '电子邮箱格式不正确', messageEn: 'email is not a valid address' });
  if (details.length) return { ok: false, details };
  return { ok: true, value: { name, title, phone, email, isPrimary: input.isPrimary ?? false } };
}
