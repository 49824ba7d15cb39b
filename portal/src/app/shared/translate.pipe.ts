import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18nService } from '../core/i18n/i18n.service';
import type { DictionaryKey } from '../core/i18n/zh';

/**
 * `{{ 'menu.dealers' | t }}`. Impure so that a language switch re-renders: the lookup reads the
 * language signal, which marks the OnPush view dirty, and the pipe then runs again.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: DictionaryKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }
}
