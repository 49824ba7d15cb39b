/**
 * Pure rules of a dealer's master data: which fields dealer staff may change themselves, and the
 * checks of every field (tier, region, status, contacts, territories by GB/T 2260 code against the
 * same code table the 窜货 check uses). Problems are collected, never thrown one by one.
 */
import { DomainError, ErrorDetail, isPersonName } from '@lianxiao/platform';
import { PROVINCES, REGIONS } from '@lianxiao/demo-data';

export const DealerErrorCode = {
  DEALER_CODE_TAKEN: 'DEALER_CODE_TAKEN',
  DEALER_FIELD_NOT_EDITABLE: 'DEALER_FIELD_NOT_EDITABLE',
  DEALER_SUSPENDED: 'DEALER_SUSPENDED',
} as const;

/**
 * A suspended dealer (合作暂停) keeps read access to its own records but reports nothing new:
 * sell-through receipts and weekly stock sheets are refused until HQ sets it ACTIVE again.
 */
export function assertDealerActive(dealer: { code: string; name: string; status: string }, actionZh: string, actionEn: string): void {
  if (dealer.status !== 'SUSPENDED') return;
  throw new DomainError(
    DealerErrorCode.DEALER_SUSPENDED,
    `经销商 ${dealer.code} ${dealer.name} 的合作已暂停，不能${actionZh}；请联系总部恢复合作`,
    `Dealer ${dealer.code} ${dealer.name} is suspended and cannot ${actionEn}; ask HQ to make it active again`,
    [],
    403,
  );
}

export const DEALER_TIERS = ['A', 'B', 'C'] as const;
export const DEALER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export const MAX_CONTACTS = 10;
export const MAX_TERRITORIES = 60;

/** Fields only HQ (admin, director) may set; dealer staff are refused when they send any of them. */
export const HQ_ONLY_FIELDS = ['name', 'tier', 'region', 'status', 'territories'] as const;
const HQ_ONLY_FIELD_ZH: Record<(typeof HQ_ONLY_FIELDS)[number], string> = {
  name: '名称', tier: '等级', region: '大区', status: '合作状态', territories: '授权区域',
};

export interface ContactDraft { name: string; title?: string | null; phone: string; email?: string | null }
export interface TerritoryDraft { provinceCode: string; cityCode?: string | null }
export interface DealerPatchDraft {
  name?: string | null;
  tier?: string | null;
  region?: string | null;
  status?: string | null;
  phone?: string | null;
  address?: string | null;
  contacts?: ContactDraft[] | null;
  territories?: TerritoryDraft[] | null;
}
export interface NewDealerDraft extends DealerPatchDraft { code: string }

export interface CheckedContact { name: string; title: string | null; phone: string; email: string | null }
export interface CheckedTerritory { provinceCode: string; provinceName: string; cityCode: string | null; cityName: string | null }
export interface CheckedPatch {
  name?: string;
  tier?: string;
  region?: string;
  status?: string;
  phone?: string;
  address?: string | null;
  contacts?: CheckedContact[];
  territories?: CheckedTerritory[];
}

const detail = (field: string, messageZh: string, messageEn: string): ErrorDetail => ({ field, messageZh, messageEn });
/** Control, zero-width and bidi-override characters: invisible in the portal, never part of a name or address. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const MARKUP = /[<>]/;
/** A person's name: letters of any script, digits, spaces and · . ' - between them. */
const PHONE = /^\+?\d[\d ()-]{4,30}$/;
const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[A-Za-z]{2,}$/;
const DEALER_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

/** A field was sent when it is neither left out nor null (null means "leave as is"). */
export const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** Free text (company name, title, address): trimmed, within length, no invisible characters or markup. */
function text(value: string, field: string, labelZh: string, min: number, max: number, problems: ErrorDetail[]): string {
  const v = String(value ?? '').trim();
  if (v.length < min || v.length > max) problems.push(detail(field, `${labelZh}须为 ${min}–${max} 个字符`, `${field} must be ${min}–${max} characters`));
  else if (INVISIBLE.test(v) || MARKUP.test(v)) problems.push(detail(field, `${labelZh}含有不可见字符或尖括号`, `${field} contains invisible characters or angle brackets`));
  return v;
}

function phone(value: string, field: string, problems: ErrorDetail[]): string {
  const v = String(value ?? '').trim();
  if (v.length > 32 || !PHONE.test(v)) problems.push(detail(field, '电话须为 5–32 位数字，可含 +、空格、括号和 -', `${field} must be a phone number: 5–32 digits with optional + ( ) - and spaces`));
  return v;
}

function oneOf(value: string, allowed: readonly string[], field: string, labelZh: string, problems: ErrorDetail[]): string {
  const v = String(value ?? '').trim().toUpperCase();
  if (!allowed.includes(v)) problems.push(detail(field, `${labelZh}须为：${allowed.join('、')}`, `${field} must be one of ${allowed.join(', ')}`));
  return v;
}

export function checkContacts(contacts: readonly ContactDraft[], problems: ErrorDetail[]): CheckedContact[] {
  if (!Array.isArray(contacts) || contacts.length < 1 || contacts.length > MAX_CONTACTS) {
    problems.push(detail('contacts', `联系人须为 1–${MAX_CONTACTS} 位`, `contacts must hold 1–${MAX_CONTACTS} people`));
    return [];
  }
  return contacts.map((c, i) => {
    const at = `contacts[${i}]`;
    const name = String(c?.name ?? '').trim();
    if (!name || name.length > 64 || !isPersonName(name)) {
      problems.push(detail(`${at}.name`, `第 ${i + 1} 位联系人的姓名须为 1–64 个字符，只含文字、数字、空格和 · . ' -`, `${at}.name must be 1–64 letters, digits, spaces or · . ' -`));
    }
    const title = given(c?.title) && c.title.trim() ? text(c.title, `${at}.title`, '职务', 1, 64, problems) : null;
    const email = given(c?.email) && c.email.trim() ? c.email.trim() : null;
    if (email !== null && (email.length > 128 || !EMAIL.test(email))) problems.push(detail(`${at}.email`, `第 ${i + 1} 位联系人的邮箱格式不正确`, `${at}.email is not an e-mail address`));
    return { name, title, phone: phone(c?.phone, `${at}.phone`, problems), email };
  });
}

/**
 * Provinces and cities by GB/T 2260 code, checked against the code table of the 窜货 check. No two
 * entries may cover the same place (a whole province and one of its cities count as the same place).
 * Several dealers may share a province or city: the model has no exclusive territories (the demo
 * network itself has D01 and D30 in 上海), so no cross-dealer rule is applied here.
 */
export function checkTerritories(territories: readonly TerritoryDraft[], problems: ErrorDetail[]): CheckedTerritory[] {
  if (!Array.isArray(territories) || territories.length < 1 || territories.length > MAX_TERRITORIES) {
    problems.push(detail('territories', `授权区域须为 1–${MAX_TERRITORIES} 项`, `territories must hold 1–${MAX_TERRITORIES} entries`));
    return [];
  }
  const out: CheckedTerritory[] = [];
  territories.forEach((t, i) => {
    const at = `territories[${i}]`;
    const provinceCode = String(t?.provinceCode ?? '').trim();
    const cityCode = given(t?.cityCode) && String(t.cityCode).trim() ? String(t.cityCode).trim() : null;
    const province = PROVINCES.find((p) => p.code === provinceCode);
    if (!province) {
      problems.push(detail(`${at}.provinceCode`, `省份代码 ${provinceCode.slice(0, 12)} 不是有效的 GB/T 2260 省级代码`, `${provinceCode.slice(0, 12)} is not a GB/T 2260 province code`));
      return;
    }
    const city = cityCode === null ? null : province.cities.find((c) => c.code === cityCode);
    if (cityCode !== null && !city) {
      problems.push(detail(`${at}.cityCode`, `城市代码 ${cityCode.slice(0, 12)} 不是${province.name}的 GB/T 2260 市级代码`, `${cityCode.slice(0, 12)} is not a GB/T 2260 city code of province ${province.code}`));
      return;
    }
    const overlap = out.find((o) => o.provinceCode === province.code && (o.cityCode === null || cityCode === null || o.cityCode === cityCode));
    if (overlap) {
      const place = city ? `${province.name}${city.name}` : province.name;
      problems.push(detail(at, `授权区域${place}重复（与${overlap.provinceName}${overlap.cityName ?? '全省'}重叠）`, `territory ${city?.code ?? province.code} is listed twice (overlaps ${overlap.cityCode ?? overlap.provinceCode})`));
      return;
    }
    out.push({ provinceCode: province.code, provinceName: province.name, cityCode: city?.code ?? null, cityName: city?.name ?? null });
  });
  return out;
}

/** Checks every field that was sent; the result holds only those fields, normalised. */
export function checkDealerPatch(draft: DealerPatchDraft, problems: ErrorDetail[]): CheckedPatch {
  const out: CheckedPatch = {};
  if (given(draft.name)) out.name = text(draft.name, 'name', '名称', 2, 128, problems);
  if (given(draft.tier)) out.tier = oneOf(draft.tier, DEALER_TIERS, 'tier', '等级', problems);
  if (given(draft.region)) {
    out.region = String(draft.region).trim();
    if (!(REGIONS as readonly string[]).includes(out.region)) problems.push(detail('region', `大区须为：${REGIONS.join('、')}`, `region must be one of ${REGIONS.join(', ')}`));
  }
  if (given(draft.status)) out.status = oneOf(draft.status, DEALER_STATUSES, 'status', '合作状态', problems);
  if (given(draft.phone)) out.phone = phone(draft.phone, 'phone', problems);
  if (given(draft.address)) out.address = String(draft.address).trim() ? text(draft.address, 'address', '地址', 1, 255, problems) : null;
  if (given(draft.contacts)) out.contacts = checkContacts(draft.contacts, problems);
  if (given(draft.territories)) out.territories = checkTerritories(draft.territories, problems);
  return out;
}

export interface CheckedNewDealer {
  code: string; name: string; tier: string; region: string; status: string; phone: string; address: string | null;
  contacts: CheckedContact[]; territories: CheckedTerritory[];
}

/** A new dealer: a unique code and every field but the address; status defaults to ACTIVE. Use the result only when no problem was added. */
export function checkNewDealer(draft: NewDealerDraft, problems: ErrorDetail[]): CheckedNewDealer {
  const code = String(draft.code ?? '').trim().toUpperCase();
  if (!DEALER_CODE.test(code)) problems.push(detail('code', '编号须为 2–16 位大写字母、数字或 -，以字母开头', 'code must be 2–16 of A-Z 0-9 -, starting with a letter'));
  const required: Partial<Record<keyof DealerPatchDraft, string>> = { name: '名称', tier: '等级', region: '大区', phone: '电话', contacts: '联系人', territories: '授权区域' };
  for (const [field, labelZh] of Object.entries(required)) {
    if (!given(draft[field as keyof DealerPatchDraft])) problems.push(detail(field, `新建经销商须填写${labelZh}`, `${field} is required for a new dealer`));
  }
  const p = checkDealerPatch({ ...draft, status: given(draft.status) ? draft.status : 'ACTIVE' }, problems);
  return {
    code, name: p.name ?? '', tier: p.tier ?? '', region: p.region ?? '', status: p.status ?? 'ACTIVE', phone: p.phone ?? '',
    address: p.address ?? null, contacts: p.contacts ?? [], territories: p.territories ?? [],
  };
}

/** The HQ-only fields a dealer-staff caller sent (empty when none). */
export function hqOnlyFieldsIn(draft: DealerPatchDraft): (typeof HQ_ONLY_FIELDS)[number][] {
  return HQ_ONLY_FIELDS.filter((f) => given(draft[f]));
}

export function fieldsNotEditable(fields: readonly (typeof HQ_ONLY_FIELDS)[number][]): DomainError {
  const zh = fields.map((f) => HQ_ONLY_FIELD_ZH[f]).join('、');
  return new DomainError(
    DealerErrorCode.DEALER_FIELD_NOT_EDITABLE,
    `经销商只能修改自己的联系人、地址和电话；${zh}由总部维护`,
    `Dealer staff may change only their contacts, address and phone; ${fields.join(', ')} ${fields.length > 1 ? 'are' : 'is'} maintained by HQ`,
    fields.map((f) => detail(f, `${HQ_ONLY_FIELD_ZH[f]}由总部维护`, `${f} is maintained by HQ`)),
    403,
  );
}

export function dealerCodeTaken(code: string): DomainError {
  return new DomainError(DealerErrorCode.DEALER_CODE_TAKEN, `经销商编号 ${code} 已被使用`, `Dealer code ${code} is already in use`, [detail('code', '编号已被使用', 'code is taken')], 409);
}

export function nothingToChange(): DomainError {
  return DomainError.validation([detail('input', '没有要修改的内容', 'Nothing to change: send at least one field')]);
}
