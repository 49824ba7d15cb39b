import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import type { I18nService } from '../core/i18n/i18n.service';
import { graphqlErrorMessage } from './graphql-error';

/**
 * What a form shows about its last save: a busy flag for the button, and one line, either the
 * success text or the server's own refusal (zh or en, as the user reads the portal).
 */
export class MutationFeedback {
  readonly busy = signal(false);
  readonly message = signal('');
  readonly failed = signal(false);

  constructor(private readonly i18n: I18nService) {}

  /** Sends the mutation; on success shows `success(result)` and calls `done`, else shows why not. */
  run<T>(request: Observable<T>, success: (result: T) => string, done?: (result: T) => void): void {
    this.busy.set(true);
    this.message.set('');
    request.subscribe({
      next: (result) => {
        this.failed.set(false);
        this.message.set(success(result));
        this.busy.set(false);
        done?.(result);
      },
      error: (error: unknown) => {
        this.failed.set(true);
        this.message.set(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
        this.busy.set(false);
      },
    });
  }

  clear(): void {
    this.message.set('');
  }
}
