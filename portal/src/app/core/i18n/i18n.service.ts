import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';
import { en } from './en';
import { type Dictionary, type DictionaryKey, zh } from './zh';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'lianxiao.lang';
const DICTIONARIES: Record<Lang, Dictionary> = { zh, en };

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/**
 * Signal-based dictionary. Templates call `t(key)` (directly or through the `t` pipe); because the
 * lookup reads the `lang` signal, OnPush views re-render when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly nzI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);

  readonly lang = signal<Lang>(storedLang());
  readonly dictionary = computed(() => DICTIONARIES[this.lang()]);
  /** BCP 47 tag for Intl formatters. */
  readonly locale = computed(() => (this.lang() === 'zh' ? 'zh-CN' : 'en-US'));

  constructor() {
    this.apply(this.lang());
  }

  t(key: DictionaryKey, params?: Record<string, string | number>): string {
    const text = this.dictionary()[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }

  /** Looks up a key built at run time (stage codes, region names); falls back to the raw value. */
  tDynamic(key: string, fallback: string): string {
    return (this.dictionary() as Record<string, string>)[key] ?? fallback;
  }

  setLang(lang: Lang): void {
    this.lang.set(lang);
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    this.apply(lang);
  }

  toggle(): void {
    this.setLang(this.lang() === 'zh' ? 'en' : 'zh');
  }

  private apply(lang: Lang): void {
    this.nzI18n.setLocale(lang === 'zh' ? zh_CN : en_US);
    this.document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }
}
