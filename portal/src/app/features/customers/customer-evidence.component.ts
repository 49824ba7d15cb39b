import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, ViewEncapsulation } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzImageModule } from 'ng-zorro-antd/image';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../shared/translate.pipe';
import { type Refusal, refusalOf } from './refusal';
import { ADD_EVIDENCE, type Evidence, EVIDENCE_TYPES } from './customer-detail.graphql';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * A customer's evidence: a gallery of image thumbnails (made by the API at upload), the list of
 * every file, and the upload form. Emits `changed` after an upload so the page reloads.
 */
@Component({
  selector: 'lx-customer-evidence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [DatePipe, FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzIconModule, NzImageModule, NzInputModule, NzSelectModule, NzTagModule, TranslatePipe],
  templateUrl: './customer-evidence.component.html',
})
export class CustomerEvidenceComponent {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  protected readonly evidenceTypes = EVIDENCE_TYPES;

  readonly customerId = input.required<string>();
  readonly evidence = input.required<Evidence[]>();
  readonly changed = output<void>();

  protected readonly gallery = computed(() => this.evidence().filter((e) => !!e.thumbnailDataUrl));

  protected readonly evType = signal<string>('CONTRACT_SEAL_SCAN');
  protected readonly evWatermark = signal('');
  protected readonly evFile = signal<File | null>(null);
  protected readonly evSaving = signal(false);
  protected readonly evError = signal<Refusal | null>(null);
  protected readonly evNotice = signal<string | null>(null);

  protected evidenceLabel(type: string): string {
    return this.i18n.tDynamic(`evidence.${type}`, type);
  }

  protected sizeText(bytes: number): string {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  protected pickFile(event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    this.evFile.set(inputEl.files?.[0] ?? null);
    this.evError.set(null);
    this.evNotice.set(null);
  }

  protected async addEvidence(fileInput: HTMLInputElement): Promise<void> {
    const file = this.evFile();
    if (!file || this.evSaving()) return;
    this.evSaving.set(true);
    this.evError.set(null);
    this.evNotice.set(null);
    try {
      const contentBase64 = await readBase64(file);
      const watermark = this.evWatermark();
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: ADD_EVIDENCE,
          variables: {
            customerId: this.customerId(),
            input: {
              type: this.evType(),
              fileName: file.name,
              mimeType: file.type || 'application/octet-stream',
              contentBase64,
              watermarkAt: watermark ? new Date(watermark).toISOString() : undefined,
            },
          },
        }),
      );
      if (result.data?.addEvidence.duplicateOfCustomerId) this.evNotice.set(this.i18n.t('customer.evidence.duplicate'));
      this.evFile.set(null);
      fileInput.value = '';
      this.changed.emit();
    } catch (error) {
      this.evError.set(refusalOf(error, this.i18n.lang(), this.i18n.t('customer.saveFailed')));
    } finally {
      this.evSaving.set(false);
    }
  }
}
