import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../shared/translate.pipe';
import type { TerritoryProvince } from './dealer.graphql';

export interface TerritoryChoice {
  provinceCode: string;
  cityCode: string | null;
}

/** Territories by province: each row is a province (GB/T 2260) and either the whole province or one of its cities. */
@Component({
  selector: 'lx-territory-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzSelectModule, TranslatePipe],
  styles: `
    .lx-tp-row { display: grid; gap: 6px; grid-template-columns: minmax(120px, 1fr) minmax(110px, 1fr) auto; align-items: center; padding: 4px 0; }
    .lx-tp-row nz-select { width: 100%; }
  `,
  template: `
    @for (t of territories(); track $index; let i = $index) {
      <div class="lx-tp-row" data-testid="territory-row" [attr.data-province]="t.provinceCode">
        <nz-select nzShowSearch data-testid="territory-province" [nzPlaceHolder]="'dealers.territory.province' | t" [ngModel]="t.provinceCode" (ngModelChange)="setProvince(i, $event)">
          @for (g of regions(); track g.region) {
            <nz-option-group [nzLabel]="i18n.tDynamic('region.' + g.region, g.region)">
              @for (p of g.provinces; track p.code) { <nz-option [nzValue]="p.code" [nzLabel]="p.name" /> }
            </nz-option-group>
          }
        </nz-select>
        <nz-select data-testid="territory-city" [ngModel]="t.cityCode ?? ''" (ngModelChange)="setCity(i, $event)">
          <nz-option nzValue="" [nzLabel]="'dealers.territory.wholeProvince' | t" />
          @for (c of citiesOf(t.provinceCode); track c.code) { <nz-option [nzValue]="c.code" [nzLabel]="c.name" /> }
        </nz-select>
        <button nz-button nzType="link" nzDanger data-testid="territory-remove" [disabled]="territories().length === 1" (click)="remove(i)">{{ 'dealers.form.remove' | t }}</button>
      </div>
    }
    <button nz-button nzType="dashed" data-testid="territory-add" style="margin-top: 8px" (click)="add()">{{ 'dealers.territory.add' | t }}</button>
  `,
})
export class TerritoryPickerComponent {
  protected readonly i18n = inject(I18nService);
  readonly provinces = input.required<readonly TerritoryProvince[]>();
  readonly territories = model.required<TerritoryChoice[]>();

  /** Provinces grouped by sales region, in the code table's order. */
  protected readonly regions = computed(() => {
    const groups = new Map<string, TerritoryProvince[]>();
    for (const p of this.provinces()) groups.set(p.region, [...(groups.get(p.region) ?? []), p]);
    return [...groups].map(([region, provinces]) => ({ region, provinces }));
  });

  protected citiesOf(provinceCode: string): { code: string; name: string }[] {
    return this.provinces().find((p) => p.code === provinceCode)?.cities ?? [];
  }

  protected setProvince(index: number, provinceCode: string): void {
    this.territories.update((list) => list.map((t, i) => (i === index ? { provinceCode, cityCode: null } : t)));
  }

  protected setCity(index: number, cityCode: string): void {
    this.territories.update((list) => list.map((t, i) => (i === index ? { ...t, cityCode: cityCode || null } : t)));
  }

  protected add(): void {
    this.territories.update((list) => [...list, { provinceCode: '', cityCode: null }]);
  }

  protected remove(index: number): void {
    this.territories.update((list) => list.filter((_, i) => i !== index));
  }
}
