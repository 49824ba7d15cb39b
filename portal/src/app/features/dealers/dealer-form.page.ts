import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Refusal, refusalOf } from '../customers/refusal';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { DealerContactsEditorComponent } from './dealer-contacts-editor.component';
import {
  CREATE_DEALER, DEALER, DEALER_STATUSES, DEALER_TIERS, type DealerContact, TERRITORY_PROVINCES, UPDATE_DEALER,
} from './dealer.graphql';
import { type TerritoryChoice, TerritoryPickerComponent } from './territory-picker.component';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/**
 * HQ (admin, director) creates a dealer (/dealers/new) or edits one (/dealers/:id/edit): name, tier,
 * region, status, phone, address, contact people and territories picked by province. The server
 * checks everything and names what it refuses; nothing is saved then.
 */
@Component({
  selector: 'lx-dealer-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzSelectModule, NzSpinModule,
    TranslatePipe, DealerContactsEditorComponent, TerritoryPickerComponent,
  ],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    <div class="lx-page-header">
      <h1 class="lx-page-title">{{ (id() ? 'dealers.form.editTitle' : 'dealers.form.newTitle') | t }}</h1>
      <a nz-button [routerLink]="id() ? ['/dealers', id()] : ['/dealers']">{{ 'common.back' | t }}</a>
    </div>
    @if (dealer.error()) {
      <lx-load-failed data-testid="dealer-form-error" [message]="loadError()" (retry)="dealer.reload()" />
    } @else {
      <nz-spin [nzSpinning]="dealer.isLoading() || provinces.isLoading()">
        <nz-card class="lx-wo-card" [nzTitle]="'dealers.form.basics' | t">
          <div class="lx-wo-grid">
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.code' | t }}</label>
              <input nz-input data-testid="dealer-form-code" placeholder="D38" [disabled]="!!id()" [ngModel]="code()" (ngModelChange)="code.set($event)" />
            </div>
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.name' | t }}</label>
              <input nz-input data-testid="dealer-form-name" [ngModel]="name()" (ngModelChange)="name.set($event)" />
            </div>
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.tier' | t }}</label>
              <nz-select data-testid="dealer-form-tier" style="width: 100%" [ngModel]="tier()" (ngModelChange)="tier.set($event)">
                @for (t of tiers; track t) { <nz-option [nzValue]="t" [nzLabel]="t" /> }
              </nz-select>
            </div>
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.region' | t }}</label>
              <nz-select data-testid="dealer-form-region" style="width: 100%" [ngModel]="region()" (ngModelChange)="region.set($event)">
                @for (r of regions(); track r) { <nz-option [nzValue]="r" [nzLabel]="i18n.tDynamic('region.' + r, r)" /> }
              </nz-select>
            </div>
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.status' | t }}</label>
              <nz-select data-testid="dealer-form-status" style="width: 100%" [ngModel]="status()" (ngModelChange)="status.set($event)">
                @for (s of statuses; track s) { <nz-option [nzValue]="s" [nzLabel]="i18n.tDynamic('dealers.status.' + s, s)" /> }
              </nz-select>
            </div>
            <div class="lx-wo-field">
              <label>{{ 'dealers.col.phone' | t }}</label>
              <input nz-input type="tel" data-testid="dealer-form-phone" [ngModel]="phone()" (ngModelChange)="phone.set($event)" />
            </div>
            <div class="lx-wo-field" style="grid-column: 1 / -1">
              <label>{{ 'dealers.col.address' | t }}</label>
              <input nz-input data-testid="dealer-form-address" [ngModel]="address()" (ngModelChange)="address.set($event)" />
            </div>
          </div>
        </nz-card>
        <nz-card class="lx-wo-card" [nzTitle]="'dealers.col.contacts' | t">
          <lx-dealer-contacts-editor [(contacts)]="contacts" />
        </nz-card>
        <nz-card class="lx-wo-card" [nzTitle]="'dealers.col.territories' | t">
          <p style="color: rgba(0, 0, 0, 0.45); font-size: 12px">{{ 'dealers.territory.hint' | t }}</p>
          <lx-territory-picker [provinces]="provinces.value() ?? []" [(territories)]="territories" />
        </nz-card>
      </nz-spin>
      @if (refusal(); as r) {
        <nz-alert nzType="error" nzShowIcon data-testid="dealer-form-refusal" [nzMessage]="r.message" [nzDescription]="details" />
        <ng-template #details>
          <ul>@for (d of r.details; track $index) { <li>{{ d }}</li> }</ul>
        </ng-template>
      }
      <div class="lx-wo-actions">
        <button nz-button nzType="primary" data-testid="dealer-form-save" [nzLoading]="saving()" [disabled]="dealer.isLoading()" (click)="save()">{{ 'dealers.form.save' | t }}</button>
      </div>
    }
  `,
})
export class DealerFormPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly tiers = DEALER_TIERS;
  protected readonly statuses = DEALER_STATUSES;

  /** Route parameter `:id` on /dealers/:id/edit; absent on /dealers/new. */
  readonly id = input<string>();

  protected readonly dealer = rxResource({
    params: () => (this.id() ? { id: this.id()! } : undefined),
    stream: ({ params }) => this.apollo.query({ query: DEALER, variables: params, fetchPolicy: 'network-only' }).pipe(map((r) => r.data?.dealer ?? null)),
  });
  protected readonly provinces = rxResource({
    stream: () => this.apollo.query({ query: TERRITORY_PROVINCES, variables: {} }).pipe(map((r) => r.data?.territoryProvinces ?? [])),
  });
  /** Sales regions in the code table's order. */
  protected readonly regions = computed(() => [...new Set((this.provinces.value() ?? []).map((p) => p.region))]);

  protected readonly code = signal('');
  protected readonly name = signal('');
  protected readonly tier = signal<string>('C');
  protected readonly region = signal<string | null>(null);
  protected readonly status = signal<string>('ACTIVE');
  protected readonly phone = signal('');
  protected readonly address = signal('');
  protected readonly contacts = signal<DealerContact[]>([{ name: '', title: null, phone: '', email: null }]);
  protected readonly territories = signal<TerritoryChoice[]>([{ provinceCode: '', cityCode: null }]);
  protected readonly saving = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);

  constructor() {
    // The form starts from the dealer as loaded (once; later reloads do not overwrite what was typed).
    let filled = false;
    effect(() => {
      const d = this.dealer.value();
      if (!d || filled) return;
      filled = true;
      this.code.set(d.code);
      this.name.set(d.name);
      this.tier.set(d.tier ?? 'C');
      this.region.set(d.region);
      this.status.set(d.status);
      this.phone.set(d.phone ?? '');
      this.address.set(d.address ?? '');
      this.contacts.set(d.contacts.length ? d.contacts.map((c) => ({ ...c })) : [{ name: d.contactName ?? '', title: null, phone: d.phone ?? '', email: null }]);
      this.territories.set(d.territories.map((t) => ({ provinceCode: t.provinceCode, cityCode: t.cityCode })));
    });
  }

  protected loadError(): string {
    return graphqlErrorMessage(this.dealer.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async save(): Promise<void> {
    this.saving.set(true);
    this.refusal.set(null);
    const fields = {
      name: this.name(), tier: this.tier(), region: this.region() ?? '', status: this.status(), phone: this.phone(), address: this.address(),
      contacts: this.contacts().map((c) => ({ name: c.name, title: c.title || null, phone: c.phone, email: c.email || null })),
      territories: this.territories().map((t) => ({ provinceCode: t.provinceCode, cityCode: t.cityCode })),
    };
    try {
      const id = this.id();
      let savedId: string | undefined;
      if (id) {
        const result = await firstValueFrom(this.apollo.mutate({ mutation: UPDATE_DEALER, variables: { id, input: fields } }));
        savedId = result.data?.updateDealer.id;
      } else {
        const result = await firstValueFrom(this.apollo.mutate({ mutation: CREATE_DEALER, variables: { input: { ...fields, code: this.code() } } }));
        savedId = result.data?.createDealer.id;
      }
      this.message.success(this.i18n.t('dealers.form.saved'));
      if (savedId) await this.router.navigate(['/dealers', savedId]);
    } catch (error) {
      this.refusal.set(refusalOf(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    } finally {
      this.saving.set(false);
    }
  }
}
