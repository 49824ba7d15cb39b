import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Connection, pageVariables } from '../../shared/connection';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { LoadFailedComponent } from '../../shared/load-failed.component';
import {
  ADMIN_ALL_USERS, ADMIN_USERS, type AdminUser, CREATE_USER, REGIONS, RESET_USER_PASSWORD, ROLES, SET_USER_LOCKED, UPDATE_USER_ACCESS,
} from './admin.graphql';

type FormMode = 'create' | 'access' | 'password';

/** Users (admin): search, paging, create, roles/region/reporting line/dealer, password reset, lock. */
@Component({
  selector: 'lx-admin-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    FormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzInputModule, NzModalModule, NzSelectModule, NzTableModule, NzTagModule, TranslatePipe,
  ],
  styleUrl: './admin-users.less',
  templateUrl: './users.page.html',
})
export class UsersPage {
  private readonly apollo = inject(Apollo);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly roleOptions = ROLES;
  protected readonly regionOptions = REGIONS;

  protected readonly searchText = signal('');
  private readonly search = toSignal(toObservable(this.searchText).pipe(map((s) => s.trim()), debounceTime(300), distinctUntilChanged()), { initialValue: '' });
  protected readonly pageIndex = linkedSignal({ source: this.search, computation: () => 1 });
  protected readonly pageSize = signal(20);

  protected readonly users = rxResource({
    params: () => ({ ...pageVariables(this.pageIndex(), this.pageSize()), search: this.search() || undefined }),
    stream: ({ params }) => this.apollo.query({ query: ADMIN_USERS, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.users ?? null)),
  });
  protected readonly page = linkedSignal<Connection<AdminUser> | null, Connection<AdminUser> | null>({
    source: () => (this.users.hasValue() ? this.users.value() : null),
    computation: (next, previous) => next ?? (this.users.isLoading() ? (previous?.value ?? null) : null),
  });

  /** Possible supervisors: users with SUPERVISOR or DIRECTOR. */
  private readonly everyone = rxResource({
    stream: () => this.apollo.query({ query: ADMIN_ALL_USERS, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.users.nodes ?? [])),
  });
  protected readonly supervisors = computed(() => (this.everyone.value() ?? []).filter((u) => u.roles.includes('SUPERVISOR') || u.roles.includes('DIRECTOR')));
  protected readonly nameOf = computed(() => new Map((this.everyone.value() ?? []).map((u) => [u.id, u.displayName])));

  protected readonly formMode = signal<FormMode | null>(null);
  protected readonly editing = signal<AdminUser | null>(null);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly username = signal('');
  protected readonly displayName = signal('');
  protected readonly password = signal('');
  protected readonly roles = signal<string[]>([]);
  protected readonly region = signal<string | null>(null);
  protected readonly supervisorId = signal<string | null>(null);
  protected readonly dealerId = signal('');

  protected errorMessage(): string {
    return graphqlErrorMessage(this.users.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected regionLabel(region: string | null): string {
    return region ? this.i18n.tDynamic(`region.${region}`, region) : '—';
  }

  protected open(mode: FormMode, user: AdminUser | null = null): void {
    this.editing.set(user);
    this.username.set(user?.username ?? '');
    this.displayName.set(user?.displayName ?? '');
    this.password.set('');
    this.roles.set(user ? [...user.roles] : []);
    this.region.set(user?.region ?? null);
    this.supervisorId.set(user?.supervisorId ?? null);
    this.dealerId.set(user?.dealerId ?? '');
    this.formError.set(null);
    this.formMode.set(mode);
  }

  protected async save(): Promise<void> {
    const mode = this.formMode();
    if (!mode) return;
    this.saving.set(true);
    this.formError.set(null);
    const access = { roles: this.roles(), region: this.region(), supervisorId: this.supervisorId(), dealerId: this.dealerId().trim() || null };
    try {
      if (mode === 'create') {
        await firstValueFrom(this.apollo.mutate({ mutation: CREATE_USER, variables: { input: { ...access, username: this.username().trim(), displayName: this.displayName(), password: this.password() } } }));
        this.message.success(this.i18n.t('admin.users.created', { username: this.username().trim() }));
      } else if (mode === 'access') {
        await firstValueFrom(this.apollo.mutate({ mutation: UPDATE_USER_ACCESS, variables: { id: this.editing()!.id, input: { ...access, displayName: this.displayName() } } }));
        this.message.success(this.i18n.t('admin.users.saved'));
      } else {
        await firstValueFrom(this.apollo.mutate({ mutation: RESET_USER_PASSWORD, variables: { id: this.editing()!.id, newPassword: this.password() } }));
        this.message.success(this.i18n.t('admin.users.passwordReset'));
      }
      this.formMode.set(null);
      this.users.reload();
      this.everyone.reload();
    } catch (error) {
      this.formError.set(this.problemText(error));
    } finally {
      this.saving.set(false);
    }
  }

  protected async toggleLock(user: AdminUser): Promise<void> {
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: SET_USER_LOCKED, variables: { id: user.id, locked: !user.locked } }));
      this.message.success(this.i18n.t(user.locked ? 'admin.users.unlocked' : 'admin.users.lockedDone'));
      this.users.reload();
    } catch (error) {
      this.message.error(this.problemText(error));
    }
  }

  /** The server's message in the current language (a validation message lists every field problem). */
  private problemText(error: unknown): string {
    return graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('admin.users.saveFailed'));
  }
}
