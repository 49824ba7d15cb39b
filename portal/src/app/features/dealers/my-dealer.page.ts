import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Refusal, refusalOf } from '../customers/refusal';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { DealerContactsEditorComponent } from './dealer-contacts-editor.component';
import { LoadFailedComponent } from '../../shared/load-failed.component';
import {
  CREATE_MY_DEALER_USER, DEALER, type DealerContact, type DealerUser, MY_DEALER_USERS, SET_MY_DEALER_USER_LOCKED, UPDATE_DEALER, territoriesText,
} from './dealer.graphql';

/**
 * A dealer's own staff (/dealers/mine): their dealer's profile — contacts, address and phone are
 * theirs to edit, tier, region, territories and status are HQ's and shown read-only — and their
 * dealer's sign-in accounts (add, lock, unlock). Readable on a phone.
 */
@Component({
  selector: 'lx-my-dealer-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzDescriptionsModule, NzInputModule, NzSpinModule,
    NzTableModule, NzTagModule, TranslatePipe, DealerContactsEditorComponent,
  ],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'dealers.mine.title' | t }}</h1></div>
    @if (dealer.error()) {
      <lx-load-failed data-testid="my-dealer-error" [message]="loadError()" (retry)="dealer.reload()" />
    }
    <nz-spin [nzSpinning]="dealer.isLoading()">
      @if (dealer.value(); as d) {
        <nz-card class="lx-wo-card" data-testid="my-dealer-profile" [nzTitle]="d.name">
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="narrow() ? 1 : 2">
            <nz-descriptions-item [nzTitle]="'dealers.col.code' | t">{{ d.code }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'dealers.col.tier' | t">{{ d.tier ?? '—' }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'dealers.col.region' | t">{{ d.region ? i18n.tDynamic('region.' + d.region, d.region) : '—' }}</nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'dealers.col.status' | t">
              <nz-tag [nzColor]="d.status === 'ACTIVE' ? 'green' : 'red'">{{ i18n.tDynamic('dealers.status.' + d.status, d.status) }}</nz-tag>
            </nz-descriptions-item>
            <nz-descriptions-item [nzTitle]="'dealers.col.territories' | t">{{ territoriesText(d) || '—' }}</nz-descriptions-item>
          </nz-descriptions>
          <p style="margin: 8px 0 0; color: rgba(0, 0, 0, 0.45); font-size: 12px">{{ 'dealers.mine.hqFields' | t }}</p>
        </nz-card>

        <nz-card class="lx-wo-card" [nzTitle]="'dealers.mine.profile' | t">
          <div class="lx-wo-grid">
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.phone' | t }}</label>
              <input nz-input type="tel" data-testid="my-dealer-phone" [ngModel]="phone()" (ngModelChange)="phone.set($event)" />
            </div>
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.address' | t }}</label>
              <input nz-input data-testid="my-dealer-address" [ngModel]="address()" (ngModelChange)="address.set($event)" />
            </div>
          </div>
          <h4 style="margin: 12px 0 4px">{{ 'dealers.col.contacts' | t }}</h4>
          <lx-dealer-contacts-editor [(contacts)]="contacts" />
          @if (profileRefusal(); as r) {
            <nz-alert nzType="error" nzShowIcon style="margin-top: 8px" data-testid="my-dealer-refusal" [nzMessage]="r.message" [nzDescription]="profileDetails" />
            <ng-template #profileDetails><ul>@for (x of r.details; track $index) { <li>{{ x }}</li> }</ul></ng-template>
          }
          <div class="lx-wo-actions">
            <button nz-button nzType="primary" data-testid="my-dealer-save" [nzLoading]="savingProfile()" (click)="saveProfile()">{{ 'dealers.form.save' | t }}</button>
          </div>
        </nz-card>
      }
    </nz-spin>

    <nz-card class="lx-wo-card" [nzTitle]="'dealers.users.title' | t">
      @if (users.error()) {
        <nz-alert nzType="error" [nzMessage]="usersError()" />
      } @else {
        <nz-table
          #usersTable
          data-testid="my-dealer-users"
          nzSize="small"
          [nzData]="users.value() ?? []"
          [nzFrontPagination]="false"
          [nzShowPagination]="false"
          [nzLoading]="users.isLoading()"
        >
          <thead>
            <tr>
              <th>{{ 'dealers.users.account' | t }}</th>
              @if (!narrow()) { <th>{{ 'dealers.users.createdAt' | t }}</th> }
              <th>{{ 'dealers.users.state' | t }}</th>
              <th nzAlign="right"></th>
            </tr>
          </thead>
          <tbody>
            @for (u of usersTable.data; track u.id) {
              <tr data-testid="my-dealer-user" [attr.data-username]="u.username">
                <td>{{ u.displayName }}<br /><small style="color: rgba(0, 0, 0, 0.45)">{{ u.username }}</small></td>
                @if (!narrow()) { <td>{{ u.createdAt | date: 'yyyy-MM-dd' }}</td> }
                <td>
                  <nz-tag data-testid="my-dealer-user-state" [nzColor]="u.locked ? 'red' : 'green'">{{ (u.locked ? 'dealers.users.locked' : 'dealers.users.active') | t }}</nz-tag>
                </td>
                <td nzAlign="right">
                  @if (u.id !== auth.viewer()?.id) {
                    <button nz-button nzSize="small" data-testid="my-dealer-user-lock" [nzLoading]="busyUser() === u.id" (click)="setLocked(u, !u.locked)">
                      {{ (u.locked ? 'dealers.users.unlock' : 'dealers.users.lock') | t }}
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
      <h4 style="margin: 16px 0 4px">{{ 'dealers.users.add' | t }}</h4>
      <div class="lx-wo-grid">
        <div class="lx-wo-field">
          <label>{{ 'dealers.users.username' | t }}</label>
          <input nz-input autocomplete="off" data-testid="my-dealer-new-username" [ngModel]="newUsername()" (ngModelChange)="newUsername.set($event)" />
        </div>
        <div class="lx-wo-field">
          <label>{{ 'dealers.users.displayName' | t }}</label>
          <input nz-input data-testid="my-dealer-new-name" [ngModel]="newDisplayName()" (ngModelChange)="newDisplayName.set($event)" />
        </div>
        <div class="lx-wo-field">
          <label>{{ 'dealers.users.password' | t }}</label>
          <input nz-input type="password" autocomplete="new-password" data-testid="my-dealer-new-password" [ngModel]="newPassword()" (ngModelChange)="newPassword.set($event)" />
        </div>
      </div>
      @if (userRefusal(); as r) {
        <nz-alert nzType="error" nzShowIcon style="margin-top: 8px" data-testid="my-dealer-user-refusal" [nzMessage]="r.message" [nzDescription]="userDetails" />
        <ng-template #userDetails><ul>@for (x of r.details; track $index) { <li>{{ x }}</li> }</ul></ng-template>
      }
      <div class="lx-wo-actions">
        <button nz-button nzType="primary" data-testid="my-dealer-add-user" [nzLoading]="addingUser()" (click)="addUser()">{{ 'dealers.users.addButton' | t }}</button>
      </div>
    </nz-card>
  `,
})
export class MyDealerPage {
  private readonly apollo = inject(Apollo);
  private readonly message = inject(NzMessageService);
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);
  protected readonly territoriesText = territoriesText;

  private readonly dealerId = computed(() => this.auth.viewer()?.dealer?.id ?? null);
  protected readonly dealer = rxResource({
    params: () => ({ id: this.dealerId() }),
    stream: ({ params }) =>
      params.id ? this.apollo.query({ query: DEALER, variables: { id: params.id }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.dealer ?? null)) : of(null),
  });
  protected readonly users = rxResource({
    stream: () => this.apollo.query({ query: MY_DEALER_USERS, variables: {}, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.myDealerUsers ?? [])),
  });

  protected readonly phone = signal('');
  protected readonly address = signal('');
  protected readonly contacts = signal<DealerContact[]>([]);
  protected readonly savingProfile = signal(false);
  protected readonly profileRefusal = signal<Refusal | null>(null);

  protected readonly newUsername = signal('');
  protected readonly newDisplayName = signal('');
  protected readonly newPassword = signal('');
  protected readonly addingUser = signal(false);
  protected readonly userRefusal = signal<Refusal | null>(null);
  protected readonly busyUser = signal<string | null>(null);

  constructor() {
    // The form shows the profile as loaded and again after each save.
    effect(() => {
      const d = this.dealer.value();
      if (!d) return;
      this.phone.set(d.phone ?? '');
      this.address.set(d.address ?? '');
      this.contacts.set(d.contacts.map((c) => ({ ...c })));
    });
  }

  protected loadError(): string {
    return graphqlErrorMessage(this.dealer.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected usersError(): string {
    return graphqlErrorMessage(this.users.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async saveProfile(): Promise<void> {
    const id = this.dealerId();
    if (!id) return;
    this.savingProfile.set(true);
    this.profileRefusal.set(null);
    const input = {
      phone: this.phone(), address: this.address(),
      contacts: this.contacts().map((c) => ({ name: c.name, title: c.title || null, phone: c.phone, email: c.email || null })),
    };
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: UPDATE_DEALER, variables: { id, input } }));
      this.message.success(this.i18n.t('dealers.form.saved'));
      this.dealer.reload();
    } catch (error) {
      this.profileRefusal.set(refusalOf(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    } finally {
      this.savingProfile.set(false);
    }
  }

  protected async addUser(): Promise<void> {
    this.addingUser.set(true);
    this.userRefusal.set(null);
    const input = { username: this.newUsername().trim(), displayName: this.newDisplayName(), password: this.newPassword() };
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: CREATE_MY_DEALER_USER, variables: { input } }));
      this.message.success(this.i18n.t('dealers.users.created', { username: input.username }));
      this.newUsername.set('');
      this.newDisplayName.set('');
      this.newPassword.set('');
      this.users.reload();
    } catch (error) {
      this.userRefusal.set(refusalOf(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    } finally {
      this.addingUser.set(false);
    }
  }

  protected async setLocked(user: DealerUser, locked: boolean): Promise<void> {
    this.busyUser.set(user.id);
    this.userRefusal.set(null);
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: SET_MY_DEALER_USER_LOCKED, variables: { id: user.id, locked } }));
      this.users.reload();
    } catch (error) {
      this.userRefusal.set(refusalOf(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    } finally {
      this.busyUser.set(null);
    }
  }
}
