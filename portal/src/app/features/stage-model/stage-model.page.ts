import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Apollo } from 'apollo-angular';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCollapseModule } from 'ng-zorro-antd/collapse';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { graphqlErrorMessage } from '../../shared/graphql-error';
import { TranslatePipe } from '../../shared/translate.pipe';
import { CONDITION_FIELDS, EVIDENCE_TYPES, STAGE_MODEL, type StageConditions, type StageModelVersion, UPDATE_STAGE_CONDITIONS, type VersionStage } from './stage-model.graphql';
import { LoadFailedComponent } from '../../shared/load-failed.component';

/**
 * Stage-model admin: the versions (newest first) with every stage's entry and exit conditions,
 * and an editor that publishes a new version. Customers keep the version they entered their stage under.
 */
@Component({
  selector: 'lx-stage-model-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  styleUrl: './stage-model-zorro.less',
  imports: [LoadFailedComponent, FormsModule, NzButtonModule, NzCardModule, NzCollapseModule, NzInputModule, NzSelectModule, NzTagModule, TranslatePipe],
  template: `
    <div class="lx-stage-model" data-testid="stage-model">
      <h2>{{ 'stageModel.title' | t }}</h2>
      @if (model.error()) {
        <lx-load-failed [message]="errorMessage()" (retry)="model.reload()" />
      }
      @if (canEdit() && current(); as cur) {
        <nz-card [nzTitle]="'stageModel.editTitle' | t" class="lx-stage-model__editor" data-testid="stage-model-editor">
          <label class="lx-stage-model__field">{{ 'stageModel.stage' | t }}
            <nz-select [ngModel]="stageCode()" (ngModelChange)="pickStage($event)" data-testid="stage-model-stage">
              @for (s of cur.stages; track s.code) {
                <nz-option [nzValue]="s.code" [nzLabel]="stageName(s)"></nz-option>
              }
            </nz-select>
          </label>
          @for (which of sides; track which) {
            <div class="lx-stage-model__side" [attr.data-testid]="'stage-model-' + which">
              <h4>{{ (which === 'entry' ? 'stageModel.entry' : 'stageModel.exit') | t }}</h4>
              <label class="lx-stage-model__field">{{ 'stageModel.requiredNodes' | t }}
                <nz-select nzMode="multiple" [(ngModel)]="draft[which].requiredNodes" nzAllowClear>
                  @for (n of nodeOptions(); track n.value) { <nz-option [nzValue]="n.value" [nzLabel]="n.label"></nz-option> }
                </nz-select>
              </label>
              <label class="lx-stage-model__field">{{ 'stageModel.requiredFields' | t }}
                <nz-select nzMode="multiple" [(ngModel)]="draft[which].requiredFields" nzAllowClear>
                  @for (f of fields; track f) { <nz-option [nzValue]="f" [nzLabel]="fieldLabel(f)"></nz-option> }
                </nz-select>
              </label>
              <label class="lx-stage-model__field">{{ 'stageModel.requiredEvidence' | t }}
                <nz-select nzMode="multiple" [(ngModel)]="draft[which].requiredEvidence" nzAllowClear [attr.data-testid]="'stage-model-' + which + '-evidence'">
                  @for (e of evidence; track e) { <nz-option [nzValue]="e" [nzLabel]="evidenceLabel(e)"></nz-option> }
                </nz-select>
              </label>
            </div>
          }
          <label class="lx-stage-model__field">{{ 'stageModel.note' | t }}
            <input nz-input [(ngModel)]="note" maxlength="500" data-testid="stage-model-note" />
          </label>
          <button nz-button nzType="primary" (click)="save()" [nzLoading]="saving()" data-testid="stage-model-save">{{ 'stageModel.publish' | t }}</button>
        </nz-card>
      }
      <nz-collapse>
        @for (v of versions(); track v.version; let first = $first) {
          <nz-collapse-panel [nzHeader]="header(v, first)" [nzActive]="first" [attr.data-testid]="'stage-model-version-' + v.version">
            <table class="lx-stage-model__table">
              <thead><tr><th>{{ 'stageModel.stage' | t }}</th><th>{{ 'stageModel.entry' | t }}</th><th>{{ 'stageModel.exit' | t }}</th></tr></thead>
              <tbody>
                @for (s of v.stages; track s.code) {
                  <tr>
                    <td>{{ stageName(s) }}</td>
                    <td>@for (tag of tags(s.entryConditions); track tag) { <nz-tag>{{ tag }}</nz-tag> } @empty { — }</td>
                    <td>@for (tag of tags(s.exitConditions); track tag) { <nz-tag>{{ tag }}</nz-tag> } @empty { — }</td>
                  </tr>
                }
              </tbody>
            </table>
          </nz-collapse-panel>
        }
      </nz-collapse>
    </div>
  `,
  styles: `
    .lx-stage-model { padding: 16px; max-width: 1100px; }
    .lx-stage-model__editor { margin-bottom: 16px; }
    .lx-stage-model__field { display: flex; flex-direction: column; gap: 4px; margin-bottom: 10px; }
    .lx-stage-model__side { border-left: 3px solid #f0f0f0; padding-left: 12px; margin-bottom: 12px; }
    .lx-stage-model__table { width: 100%; border-collapse: collapse; }
    .lx-stage-model__table th, .lx-stage-model__table td { border-bottom: 1px solid #f0f0f0; padding: 6px; text-align: left; vertical-align: top; }
    @media (max-width: 600px) { .lx-stage-model { padding: 8px; } .lx-stage-model__table { font-size: 12px; } }
  `,
})
export class StageModelPage {
  private readonly apollo = inject(Apollo);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);

  protected readonly sides = ['entry', 'exit'] as const;
  protected readonly fields = CONDITION_FIELDS;
  protected readonly evidence = EVIDENCE_TYPES;
  protected readonly canEdit = computed(() => this.auth.hasAnyRole(['ADMIN']));
  protected readonly saving = signal(false);
  protected readonly stageCode = signal<string | null>(null);
  protected draft: Record<'entry' | 'exit', StageConditions> = { entry: empty(), exit: empty() };
  protected note = '';
  private readonly reload = signal(0);

  protected readonly model = rxResource({
    params: () => ({ reload: this.reload() }),
    stream: () => this.apollo.query({ query: STAGE_MODEL, fetchPolicy: 'network-only' }).pipe(map((r) => r.data ?? null)),
  });

  protected readonly versions = computed<StageModelVersion[]>(() => (this.model.hasValue() ? (this.model.value()?.stageModelVersions ?? []) : []));
  protected readonly current = computed(() => this.versions()[0] ?? null);
  private readonly nodeNames = computed(() => {
    const names = new Map<string, string>();
    const stages = this.model.hasValue() ? (this.model.value()?.stages ?? []) : [];
    for (const s of stages) for (const n of s.nodes) names.set(n.code, this.i18n.lang() === 'zh' ? n.nameZh : n.nameEn);
    return names;
  });
  protected readonly nodeOptions = computed(() => [...this.nodeNames()].map(([value, label]) => ({ value, label: `${label} (${value})` })));

  protected pickStage(code: string): void {
    this.stageCode.set(code);
    const stage = this.current()?.stages.find((s) => s.code === code);
    this.draft = { entry: copy(stage?.entryConditions), exit: copy(stage?.exitConditions) };
  }

  protected stageName(s: VersionStage): string {
    return this.i18n.lang() === 'zh' ? s.nameZh : s.nameEn;
  }

  protected fieldLabel(f: string): string {
    return this.i18n.tDynamic(`stageModel.field.${f}`, f);
  }

  protected evidenceLabel(e: string): string {
    return this.i18n.tDynamic(`stageModel.evidence.${e}`, e);
  }

  protected tags(c: StageConditions): string[] {
    return [
      ...c.requiredNodes.map((n) => this.nodeNames().get(n) ?? n),
      ...c.requiredFields.map((f) => this.fieldLabel(f)),
      ...c.requiredEvidence.map((e) => this.evidenceLabel(e)),
    ];
  }

  protected header(v: StageModelVersion, latest: boolean): string {
    const when = new Date(v.version === 1 ? v.createdAt : v.effectiveFrom).toLocaleString(this.i18n.locale());
    return `${this.i18n.t('stageModel.version', { version: v.version })}${latest ? ` · ${this.i18n.t('stageModel.current')}` : ''} · ${when}${v.note ? ` · ${v.note}` : ''}`;
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.model.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async save(): Promise<void> {
    const stageCode = this.stageCode();
    if (!stageCode) {
      this.message.warning(this.i18n.t('stageModel.pickStage'));
      return;
    }
    this.saving.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: UPDATE_STAGE_CONDITIONS, variables: { input: { stageCode, entry: this.draft.entry, exit: this.draft.exit, note: this.note.trim() || undefined } } }),
      );
      this.message.success(this.i18n.t('stageModel.published', { version: result.data?.updateStageConditions.version ?? '' }));
      this.note = '';
      this.reload.update((n) => n + 1);
    } catch (error) {
      this.message.error(graphqlErrorMessage(error, this.i18n.lang(), this.i18n.t('common.loadFailed')));
    } finally {
      this.saving.set(false);
    }
  }
}

function empty(): StageConditions {
  return { requiredNodes: [], requiredFields: [], requiredEvidence: [] };
}

function copy(c: StageConditions | undefined): StageConditions {
  return c ? { requiredNodes: [...c.requiredNodes], requiredFields: [...c.requiredFields], requiredEvidence: [...c.requiredEvidence] } : empty();
}
