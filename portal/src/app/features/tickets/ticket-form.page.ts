import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { debounceTime, firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { type Refusal, refusalOf } from '../customers/refusal';
import { TranslatePipe } from '../../shared/translate.pipe';
import { drawingMimeType, readBase64 } from './files';
import { ATTACH_DRAWING, CREATE_TICKET, CUSTOMER_OPTIONS, URGENCIES } from './tickets.graphql';

/** Text fields without units, in form order around the ones with units. */
const TEXT_FIELDS = ['material', 'surfaceTreatment', 'dimensions', 'packaging', 'certificationStandard', 'inspectionStandard', 'colour'] as const;
export const HARDNESS_SCALES = ['HRC', 'HB', 'HV'] as const;
export const WEIGHT_UNITS = ['g', 'kg'] as const;

/**
 * A new requirement ticket: customer, urgency, requested delivery, the 12 spec fields (tolerance
 * in ±mm, hardness with its scale, unit weight in g/kg) and drawings. The API names what is missing.
 */
@Component({
  selector: 'lx-ticket-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzSelectModule, TranslatePipe],
  styleUrl: '../../../styles/zorro/work-order-page.less',
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'tickets.new' | t }}</h1></div>
    <nz-card class="lx-wo-card">
      <div class="lx-wo-grid">
        <div class="lx-wo-field">
          <label>{{ 'tickets.customer' | t }}</label>
          <nz-select
            data-testid="ticket-customer"
            nzShowSearch
            nzServerSearch
            [nzPlaceHolder]="'tickets.customerSearch' | t"
            [ngModel]="customerId()"
            (ngModelChange)="customerId.set($event)"
            (nzOnSearch)="customerSearch.set($event)"
            style="width: 100%"
          >
            @for (c of customers.value() ?? []; track c.id) {
              <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
            }
          </nz-select>
        </div>
        <div class="lx-wo-field">
          <label>{{ 'tickets.urgency' | t }}</label>
          <nz-select data-testid="ticket-urgency" [ngModel]="urgency()" (ngModelChange)="urgency.set($event)" style="width: 100%">
            @for (u of urgencies; track u) {
              <nz-option [nzValue]="u" [nzLabel]="i18n.tDynamic('tickets.urgency.' + u, u)" />
            }
          </nz-select>
        </div>
        <div class="lx-wo-field">
          <label>{{ 'tickets.deliveryDate' | t }}</label>
          <input nz-input type="date" data-testid="ticket-delivery" [ngModel]="deliveryDate()" (ngModelChange)="deliveryDate.set($event)" />
        </div>
      </div>
    </nz-card>

    <nz-card class="lx-wo-card" [nzTitle]="'tickets.spec' | t">
      <div class="lx-wo-grid">
        @for (key of textFields; track key) {
          <div class="lx-wo-field">
            <label>{{ i18n.tDynamic('tickets.field.' + key, key) }}</label>
            <input nz-input [attr.data-testid]="'spec-' + key" [ngModel]="text()[key]" (ngModelChange)="setText(key, $event)" />
          </div>
        }
        <div class="lx-wo-field">
          <label>{{ 'tickets.field.tolerance' | t }}</label>
          <div class="lx-wo-unit">
            <span>±</span>
            <input nz-input type="number" min="0" step="0.001" data-testid="spec-tolerance" [ngModel]="tolerance()" (ngModelChange)="tolerance.set($event)" />
            <span>mm</span>
          </div>
        </div>
        <div class="lx-wo-field">
          <label>{{ 'tickets.field.quantity' | t }}</label>
          <input nz-input type="number" min="1" step="1" data-testid="spec-quantity" [ngModel]="quantity()" (ngModelChange)="quantity.set($event)" />
        </div>
        <div class="lx-wo-field">
          <label>{{ 'tickets.field.hardness' | t }}</label>
          <div class="lx-wo-unit">
            <nz-select data-testid="spec-hardness-scale" [ngModel]="hardnessScale()" (ngModelChange)="hardnessScale.set($event)">
              @for (s of scales; track s) { <nz-option [nzValue]="s" [nzLabel]="s" /> }
            </nz-select>
            <input nz-input placeholder="58-62" data-testid="spec-hardness" [ngModel]="hardness()" (ngModelChange)="hardness.set($event)" />
          </div>
        </div>
        <div class="lx-wo-field">
          <label>{{ 'tickets.field.unitWeight' | t }}</label>
          <div class="lx-wo-unit">
            <input nz-input type="number" min="0" step="0.001" data-testid="spec-unitWeight" [ngModel]="unitWeight()" (ngModelChange)="unitWeight.set($event)" />
            <nz-select data-testid="spec-weight-unit" [ngModel]="weightUnit()" (ngModelChange)="weightUnit.set($event)">
              @for (u of weightUnits; track u) { <nz-option [nzValue]="u" [nzLabel]="u" /> }
            </nz-select>
          </div>
        </div>
        <div class="lx-wo-field" style="grid-column: 1 / -1">
          <label>{{ 'tickets.field.craftNotes' | t }}</label>
          <textarea nz-input rows="2" data-testid="spec-craftNotes" [ngModel]="craftNotes()" (ngModelChange)="craftNotes.set($event)"></textarea>
        </div>
      </div>
    </nz-card>

    <nz-card class="lx-wo-card" [nzTitle]="'tickets.drawings' | t">
      <input type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.dwg,.dxf" data-testid="ticket-drawings" (change)="files.set($any($event.target).files ? [].slice.call($any($event.target).files) : [])" />
      <p class="lx-hint">{{ 'tickets.drawingHint' | t }}</p>
    </nz-card>

    @if (refusal(); as r) {
      <nz-alert nzType="error" nzShowIcon data-testid="ticket-refusal" [nzMessage]="r.message" [nzDescription]="details" />
      <ng-template #details>
        <ul>@for (d of r.details; track $index) { <li>{{ d }}</li> }</ul>
      </ng-template>
    }
    <div class="lx-wo-actions">
      <button nz-button data-testid="ticket-save-draft" [nzLoading]="saving()" (click)="save(false)">{{ 'tickets.saveDraft' | t }}</button>
      <button nz-button nzType="primary" data-testid="ticket-submit" [nzLoading]="saving()" (click)="save(true)">{{ 'tickets.submit' | t }}</button>
    </div>
  `,
})
export class TicketFormPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly urgencies = URGENCIES;
  protected readonly textFields = TEXT_FIELDS;
  protected readonly scales = HARDNESS_SCALES;
  protected readonly weightUnits = WEIGHT_UNITS;

  protected readonly customerSearch = signal('');
  private readonly search = toSignal(toObservable(this.customerSearch).pipe(debounceTime(250)), { initialValue: '' });
  protected readonly customers = rxResource({
    params: () => ({ search: this.search() }),
    stream: ({ params }) => this.apollo.query({ query: CUSTOMER_OPTIONS, variables: params }).pipe(map((r) => r.data?.customers.nodes ?? [])),
  });

  protected readonly customerId = signal<string | null>(null);
  protected readonly urgency = signal<string>('NORMAL');
  protected readonly deliveryDate = signal('');
  protected readonly text = signal<Record<string, string>>({});
  protected readonly tolerance = signal<string>('');
  protected readonly quantity = signal<string>('');
  protected readonly hardnessScale = signal<string>('HRC');
  protected readonly hardness = signal('');
  protected readonly unitWeight = signal<string>('');
  protected readonly weightUnit = signal<string>('kg');
  protected readonly craftNotes = signal('');
  protected readonly files = signal<File[]>([]);
  protected readonly saving = signal(false);
  protected readonly refusal = signal<Refusal | null>(null);

  protected setText(key: string, value: string): void {
    this.text.update((t) => ({ ...t, [key]: value }));
  }

  private readonly input = computed(() => {
    const blank = (v: unknown) => v === null || v === undefined || String(v).trim() === '';
    const t = this.text();
    return {
      customerId: this.customerId() ?? '',
      urgency: this.urgency(),
      requestedDeliveryDate: this.deliveryDate() || null,
      ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, t[k]?.trim() || null])),
      tolerance: blank(this.tolerance()) ? null : `±${this.tolerance()} mm`,
      quantity: blank(this.quantity()) ? null : Number(this.quantity()),
      hardness: blank(this.hardness()) ? null : `${this.hardnessScale()} ${this.hardness().trim()}`,
      unitWeight: blank(this.unitWeight()) ? null : `${this.unitWeight()} ${this.weightUnit()}`,
      craftNotes: this.craftNotes().trim() || null,
    };
  });

  protected async save(submit: boolean): Promise<void> {
    this.saving.set(true);
    this.refusal.set(null);
    try {
      const created = await firstValueFrom(this.apollo.mutate({ mutation: CREATE_TICKET, variables: { input: { ...this.input(), submit } } }));
      const ticket = created.data!.createRequirementTicket;
      for (const file of this.files()) {
        await firstValueFrom(
          this.apollo.mutate({ mutation: ATTACH_DRAWING, variables: { ticketId: ticket.id, input: { fileName: file.name, mimeType: drawingMimeType(file), contentBase64: await readBase64(file) } } }),
        );
      }
      await this.router.navigate(['/tickets', ticket.id]);
    } catch (error) {
      this.refusal.set(refusalOf(error, this.i18n.lang(), this.i18n.t('tickets.refused')));
    } finally {
      this.saving.set(false);
    }
  }
}
