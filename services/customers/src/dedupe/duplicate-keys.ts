import { toHalfWidth } from '@lianxiao/platform';

/** Legal-form words that two records of the same company often differ in (longest first). */
const LEGAL_FORMS = [
  '股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '股份公司', '分公司', '总公司', '集团', '股份', '公司', '厂',
  'coltd', 'corporation', 'limited', 'company', 'corp', 'inc', 'ltd', 'co',
];

/** Province / city prefixes that one record spells out and the other leaves off (苏州华恒 vs 华恒). */
const PLACE_PREFIX = /^(北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|苏州|无锡|常州|南京|杭州|宁波|温州|绍兴|嘉兴|合肥|厦门|福州|泉州|济南|青岛|烟台|郑州|武汉|长沙|广州|深圳|东莞|佛山|珠海|中山|惠州|成都|西安|沈阳|大连|长春|哈尔滨|昆明|南宁|贵阳|南昌|石家庄|太原|天津)(省|市|自治区)?/;

/**
 * A company name reduced to what identifies it: half-width, lower case, no spaces or punctuation,
 * no bracketed parts like (中国) / （苏州）, no trailing legal form (有限公司, 股份, Co., Ltd.).
 */
export function normaliseCompanyName(name: string): string {
  let s = toHalfWidth(name).toLowerCase();
  s = s.replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, '');
  s = s.replace(/[\s.,，。、·'"“”‘’&\-_/()（）]+/g, '');
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (s.length > form.length && s.endsWith(form)) {
        s = s.slice(0, -form.length);
        changed = true;
      }
    }
  }
  return s;
}

/** The name without a leading province / city (two records of one company often differ only there). */
export function coreCompanyName(normalised: string): string {
  const core = normalised.replace(PLACE_PREFIX, '');
  return core.length >= 2 ? core : normalised;
}

/** Digits of a phone number without +86 / 0086 and separators; null when too short to mean anything. */
export function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = toHalfWidth(phone).replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits.length >= 7 ? digits : null;
}

export function normaliseCreditCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const c = toHalfWidth(code).replace(/\s/g, '').toUpperCase();
  return c.length === 18 ? c : null;
}
