import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of a name, letters and digits only: 苏州华恒精密有限公司 → szhhjmyxgs. */
export function pinyinInitialsOf(name: string): string {
  const initials = pinyin(name.normalize('NFKC'), { pattern: 'first', toneType: 'none', type: 'array' });
  return initials.join('').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 128);
}

/** What one search box string is matched against; a field is null when the text cannot match it. */
export interface CustomerSearchTerms {
  /** Name contains (always). */
  text: string;
  /** Pinyin initials contain, for Latin-letter input such as "szhh". */
  initials: string | null;
  /** Credit code starts with, for 2+ code characters. */
  creditCodePrefix: string | null;
  /** Phone (customer's or a contact's) contains, for 3+ digits. */
  phoneDigits: string | null;
}

/** Normalises what a user typed (full-width characters, spaces, case) into search terms. */
export function customerSearchTermsOf(raw: string | null | undefined): CustomerSearchTerms | null {
  const text = (raw ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const compact = text.replace(/\s/g, '');
  const letters = /^[a-z]+$/i.test(compact) ? compact.toLowerCase() : null;
  const creditCodePrefix = compact.length >= 2 && /^[0-9a-z]+$/i.test(compact) ? compact.toUpperCase() : null;
  const phoneShaped = /^\+?[\d\- ]+$/.test(text) ? text.replace(/\D/g, '') : '';
  return { text, initials: letters, creditCodePrefix, phoneDigits: phoneShaped.length >= 3 ? phoneShaped : null };
}

/** The escape character used with every LIKE built here (`LIKE :p ESCAPE '!'`, same on SQLite and MariaDB). */
export const LIKE_ESCAPE = '!';

/** A LIKE pattern matching `fragment` literally: % and _ typed by a user are not wildcards. */
export function likePattern(fragment: string, position: 'contains' | 'prefix'): string {
  const escaped = fragment.replace(/[!%_]/g, (ch) => LIKE_ESCAPE + ch);
  return position === 'prefix' ? `${escaped}%` : `%${escaped}%`;
}
