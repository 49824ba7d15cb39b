import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal, ViewEncapsulation } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { PaperClipOutline } from '@ant-design/icons-angular/icons';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CHUNK_BYTES, COMMIT_IMPORT, IMPORT_COLUMNS, IMPORT_JOB, type ImportJob, type ImportKind, START_IMPORT, UPLOAD_CHUNK } from './import.graphql';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const POLL_MS = 500;

/**
 * Import wizard: pick a CSV / XLSX, upload it in chunks, read the dry-run report (row, column,
 * reason), commit — all rows or none — and watch the progress the API reports.
 */
@Component({
  selector: 'lx-import-wizard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzProgressModule, NzRadioModule, NzStepsModule, NzTableModule, NzTagModule, TranslatePipe],
  providers: [provideNzIconsPatch([PaperClipOutline])],
  styleUrl: '../../../styles/zorro/list-page.less',
  templateUrl: './import-wizard.page.html',
})
export class ImportWizardPage {
  private readonly apollo = inject(Apollo);
  protected readonly i18n = inject(I18nService);
  private timer: ReturnType<typeof setTimeout> | null = null;

  protected readonly kind = signal<ImportKind>('CUSTOMERS');
  protected readonly file = signal<File | null>(null);
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly job = signal<ImportJob | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly columns = rxResource({
    params: () => ({ kind: this.kind() }),
    stream: ({ params }) => this.apollo.query({ query: IMPORT_COLUMNS, variables: params }).pipe(map((r) => r.data?.importColumns ?? [])),
  });

  protected readonly step = computed(() => {
    const status = this.job()?.status;
    if (!status || status === 'UPLOADING') return 0;
    if (status === 'VALIDATING' || status === 'VALID' || status === 'INVALID') return 1;
    return 2;
  });

  protected readonly progressPercent = computed(() => {
    const j = this.job();
    if (!j || !j.totalRows) return 0;
    return Math.min(100, Math.round((j.processedRows / j.totalRows) * 100));
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  protected reason(e: { reasonZh: string; reasonEn: string }): string {
    return this.i18n.lang() === 'zh' ? e.reasonZh : e.reasonEn;
  }

  protected failure(j: ImportJob): string {
    return (this.i18n.lang() === 'zh' ? j.failureZh : j.failureEn) ?? this.i18n.t('import.failed');
  }

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.error.set(null);
  }

  protected reset(fileInput?: HTMLInputElement): void {
    this.stopPolling();
    this.job.set(null);
    this.file.set(null);
    this.uploadPercent.set(null);
    this.error.set(null);
    if (fileInput) fileInput.value = '';
  }

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file || this.uploadPercent() !== null) return;
    this.error.set(null);
    this.uploadPercent.set(0);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const started = await firstValueFrom(this.apollo.mutate({ mutation: START_IMPORT, variables: { input: { kind: this.kind(), fileName: file.name, sizeBytes: bytes.length } } }));
      let job = started.data!.startImport;
      for (let offset = 0, index = 0; offset < bytes.length; offset += CHUNK_BYTES, index++) {
        const result = await firstValueFrom(
          this.apollo.mutate({ mutation: UPLOAD_CHUNK, variables: { jobId: job.id, index, contentBase64: toBase64(bytes.subarray(offset, offset + CHUNK_BYTES)) } }),
        );
        job = result.data!.uploadImportChunk;
        this.uploadPercent.set(Math.round((Math.min(bytes.length, offset + CHUNK_BYTES) / bytes.length) * 100));
      }
      this.job.set(job);
      this.poll(job.id);
    } catch (error) {
      this.error.set(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('import.failed')));
    } finally {
      this.uploadPercent.set(null);
    }
  }

  protected async commit(): Promise<void> {
    const j = this.job();
    if (!j || j.status !== 'VALID') return;
    this.error.set(null);
    try {
      const result = await firstValueFrom(this.apollo.mutate({ mutation: COMMIT_IMPORT, variables: { jobId: j.id } }));
      this.job.set(result.data!.commitImport);
      this.poll(j.id);
    } catch (error) {
      this.error.set(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('import.failed')));
    }
  }

  /** Polls the job while the API is working on it (dry run or commit). */
  private poll(id: string): void {
    this.stopPolling();
    const status = this.job()?.status;
    if (status !== 'VALIDATING' && status !== 'COMMITTING') return;
    this.timer = setTimeout(async () => {
      try {
        const result = await firstValueFrom(this.apollo.query({ query: IMPORT_JOB, variables: { id }, fetchPolicy: 'network-only' }));
        this.job.set(result.data!.importJob);
      } catch (error) {
        this.error.set(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
      }
      this.poll(id);
    }, POLL_MS);
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
