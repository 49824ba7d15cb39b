import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Connection, pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { AUDIT_QUERIES, AUDIT_SERVICES, type AuditEntry, type AuditFilter, type AuditService, changeLines } from './admin.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

interface AppliedFilter extends AuditFilter {
  service: AuditService;
}

/** The audit log (admin, director): per service, filtered by entity, user, action and time range. */
@Component({
  selector: 'lx-admin-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, DatePipe, FormsModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule, TranslatePipe],
  styleUrl: './admin-audit.less',
  templateUrl: './audit.page.html',
})
export class AuditPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly services = AUDIT_SERVICES;
  protected readonly actions = ['INSERT', 'UPDATE', 'DELETE'];
  protected readonly changeLines = changeLines;

  protected readonly service = signal<AuditService>('identity');
  protected readonly entityType = signal('');
  protected readonly entityId = signal('');
  protected readonly username = signal('');
  protected readonly action = signal<string | null>(null);
  protected readonly from = signal('');
  protected readonly to = signal('');

  protected readonly applied = signal<AppliedFilter>({ service: 'identity' });
  protected readonly pageIndex = linkedSignal({ source: this.applied, computation: () => 1 });
  protected readonly pageSize = signal(20);

  protected readonly log = rxResource({
    params: () => ({ filter: this.applied(), ...pageVariables(this.pageIndex(), this.pageSize()) }),
    stream: ({ params }) => {
      const { service, ...filter } = params.filter;
      return this.apollo
        .query({ query: AUDIT_QUERIES[service], variables: { filter, first: params.first, offset: params.offset }, fetchPolicy: 'network-only' })
        .pipe(map((r) => r.data?.log ?? null));
    },
  });
  protected readonly page = linkedSignal<Connection<AuditEntry> | null, Connection<AuditEntry> | null>({
    source: () => (this.log.hasValue() ? this.log.value() : null),
    computation: (next, previous) => next ?? (this.log.isLoading() ? (previous?.value ?? null) : null),
  });

  protected apply(): void {
    const text = (s: string) => s.trim() || undefined;
    const time = (s: string) => (s ? new Date(s).toISOString() : undefined);
    this.applied.set({
      service: this.service(),
      entityType: text(this.entityType()),
      entityId: text(this.entityId()),
      username: text(this.username()),
      action: this.action() ?? undefined,
      from: time(this.from()),
      to: time(this.to()),
    });
  }

  protected reset(): void {
    this.entityType.set('');
    this.entityId.set('');
    this.username.set('');
    this.action.set(null);
    this.from.set('');
    this.to.set('');
    this.apply();
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.log.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }
}
