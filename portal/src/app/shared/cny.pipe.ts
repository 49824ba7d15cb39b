import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string): Intl.NumberFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 });
    formatters.set(locale, f);
  }
  return f;
}

/** Formats an amount in yuan as CNY (¥1,234.00 / CN¥1,234.00) in the current language. */
@Pipe({ name: 'cny', pure: false })
export class CnyPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number | string | null | undefined): string {
    if (value === null || value === undefined || value === '') return '—';
    const amount = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(amount) ? formatter(this.i18n.locale()).format(amount) : String(value);
  }
}
