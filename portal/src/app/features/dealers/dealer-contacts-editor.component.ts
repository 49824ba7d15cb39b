import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { TranslatePipe } from '../../shared/translate.pipe';
import type { DealerContact } from './dealer.graphql';

type ContactField = keyof DealerContact;

/** The dealer's contact people as editable rows; the first row is the main contact. */
@Component({
  selector: 'lx-dealer-contacts-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzInputModule, TranslatePipe],
  styles: `
    .lx-dc-row { padding: 6px 0 10px; border-bottom: 1px solid #f0f0f0; }
    .lx-dc-head { display: flex; justify-content: space-between; align-items: center; min-height: 28px; font-size: 12px; color: rgba(0, 0, 0, 0.45); }
    .lx-dc-main { color: #1677ff; }
    .lx-dc-fields { display: grid; gap: 6px; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); }
  `,
  template: `
    @for (c of contacts(); track $index; let i = $index) {
      <div class="lx-dc-row" data-testid="contact-row">
        <div class="lx-dc-head">
          @if (i === 0) { <span class="lx-dc-main">{{ 'dealers.contact.main' | t }}</span> } @else { <span>{{ 'dealers.contact.other' | t: { n: i + 1 } }}</span> }
          <button nz-button nzType="link" nzDanger nzSize="small" data-testid="contact-remove" [disabled]="contacts().length === 1" (click)="remove(i)">{{ 'dealers.form.remove' | t }}</button>
        </div>
        <div class="lx-dc-fields">
          <input nz-input data-testid="contact-name" [placeholder]="'dealers.contact.name' | t" [ngModel]="c.name" (ngModelChange)="set(i, 'name', $event)" />
          <input nz-input data-testid="contact-title" [placeholder]="'dealers.contact.title' | t" [ngModel]="c.title ?? ''" (ngModelChange)="set(i, 'title', $event)" />
          <input nz-input type="tel" data-testid="contact-phone" [placeholder]="'dealers.contact.phone' | t" [ngModel]="c.phone" (ngModelChange)="set(i, 'phone', $event)" />
          <input nz-input type="email" data-testid="contact-email" [placeholder]="'dealers.contact.email' | t" [ngModel]="c.email ?? ''" (ngModelChange)="set(i, 'email', $event)" />
        </div>
      </div>
    }
    <button nz-button nzType="dashed" data-testid="contact-add" style="margin-top: 8px" (click)="add()">{{ 'dealers.contact.add' | t }}</button>
  `,
})
export class DealerContactsEditorComponent {
  readonly contacts = model.required<DealerContact[]>();

  protected set(index: number, field: ContactField, value: string): void {
    this.contacts.update((list) => list.map((c, i) => (i === index ? { ...c, [field]: value } : c)));
  }

  protected add(): void {
    this.contacts.update((list) => [...list, { name: '', title: null, phone: '', email: null }]);
  }

  protected remove(index: number): void {
    this.contacts.update((list) => list.filter((_, i) => i !== index));
  }
}
