import { ChangeDetectionStrategy, Component, DestroyRef, ViewEncapsulation, inject, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { AuthTokens } from '../../core/auth/auth-tokens';
import type { DictionaryKey } from '../../core/i18n/zh';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../shared/translate.pipe';

interface JobView { id: string; status: 'RUNNING' | 'DONE' | 'FAILED'; progress: number; step: string; notes: string[]; error: string | null; ms: number; messageZh?: string; messageEn?: string }

/** One click: the gateway builds the weekly PDF (progress polled), then it downloads with the same token. */
@Component({
  selector: 'lx-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [NzAlertModule, NzButtonModule, NzCardModule, NzProgressModule, TranslatePipe],
  styleUrl: './report.page.less',
  template: `
    <div class="lx-page-header"><h1 class="lx-page-title">{{ 'scorecard.report' | t }}</h1></div>
    <nz-card>
      <p>{{ 'scorecard.reportHint' | t }}</p>
      <button nz-button nzType="primary" [nzLoading]="job()?.status === 'RUNNING'" (click)="generate()" data-testid="report-generate">{{ 'scorecard.generate' | t }}</button>
      @if (job(); as j) {
        <div style="margin-top: 16px" data-testid="report-progress">
          <nz-progress [nzPercent]="j.progress" [nzStatus]="j.status === 'FAILED' ? 'exception' : j.status === 'DONE' ? 'success' : 'active'" />
          @if (j.status === 'RUNNING') { <div>{{ stepLabel(j.step) }}</div> }
          @if (j.status === 'DONE') {
            <div>{{ 'scorecard.generated' | t: { s: (j.ms / 1000).toFixed(1) } }}</div>
            <button nz-button style="margin-top: 8px" (click)="download(j.id)" data-testid="report-download">{{ 'scorecard.download' | t }}</button>
            @for (n of j.notes; track n) { <div style="color: #888; font-size: 12px">{{ n }}</div> }
          }
        </div>
      }
      @if (error(); as e) { <nz-alert nzType="error" [nzMessage]="e" style="margin-top: 12px" /> }
    </nz-card>
  `,
})
export class ReportPage {
  private readonly tokens = inject(AuthTokens);
  private readonly i18n = inject(I18nService);
  protected readonly job = signal<JobView | null>(null);
  protected readonly error = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  private headers(): HeadersInit {
    return { authorization: `Bearer ${this.tokens.accessToken() ?? ''}` };
  }

  protected stepLabel(step: string): string {
    return this.i18n.t(`scorecard.step.${step}` as DictionaryKey);
  }

  protected async generate(): Promise<void> {
    this.error.set(null);
    const res = await fetch('/reports/weekly', { method: 'POST', headers: this.headers() });
    const body = (await res.json()) as JobView;
    if (!res.ok) {
      this.error.set((this.i18n.lang() === 'zh' ? body.messageZh : body.messageEn) ?? String(res.status));
      return;
    }
    this.job.set(body);
    this.poll(body.id);
  }

  private poll(id: string): void {
    this.timer = setTimeout(async () => {
      const res = await fetch(`/reports/weekly/${id}`, { headers: this.headers() });
      if (!res.ok) return void this.error.set(String(res.status));
      const j = (await res.json()) as JobView;
      this.job.set(j);
      if (j.status === 'RUNNING') this.poll(id);
      else if (j.status === 'FAILED') this.error.set(j.error);
    }, 300);
  }

  protected async download(id: string): Promise<void> {
    const res = await fetch(`/reports/weekly/${id}/pdf`, { headers: this.headers() });
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `weekly-report-${new Date().toISOString().slice(0, 10)}.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
