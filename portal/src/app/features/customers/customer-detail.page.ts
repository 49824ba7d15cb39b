import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import {
  ArrowRightOutline,
  BulbOutline,
  CheckCircleOutline,
  ClockCircleOutline,
  MinusCircleOutline,
  PaperClipOutline,
  PlusOutline,
  UploadOutline,
} from '@ant-design/icons-angular/icons';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { CnyPipe } from '../../shared/cny.pipe';
import { graphqlErrorCode, graphqlErrorMessage } from '../../shared/graphql-error';
import { NARROW_SCREEN, mediaQuery } from '../../shared/media-query';
import { TranslatePipe } from '../../shared/translate.pipe';
import { type Refusal, refusalOf } from './refusal';
import { CustomerEvidenceComponent } from './customer-evidence.component';
import { CustomerAlertsPanelComponent } from '../alerts';
import { CustomerFollowUpsComponent } from './customer-follow-ups.component';
import { LoadFailedComponent } from '../../shared/load-failed.component';
import {
  CUSTOMER_CONTRACTS,
  CUSTOMER_DETAIL,
  type CustomerDetail,
  type MissingStageItem,
  MOVE_STAGE,
  type Stage,
  type StageMoveTarget,
} from './customer-detail.graphql';

const FORBIDDEN_CODES = new Set(['FORBIDDEN']);
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'CUSTOMER_NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/**
 * One customer: header, the 7-stage pipeline with its nodes, moving forward (the API checks the
 * stage conditions and its refusal is shown as is), follow-ups, evidence, contacts and contracts.
 */
@Component({
  selector: 'lx-customer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [LoadFailedComponent, 
    DatePipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    NzTagModule,
    TranslatePipe,
    CnyPipe,
    CustomerEvidenceComponent,
    CustomerAlertsPanelComponent,
    CustomerFollowUpsComponent,
  ],
  providers: [
    provideNzIconsPatch([
      ArrowRightOutline,
      BulbOutline,
      CheckCircleOutline,
      ClockCircleOutline,
      MinusCircleOutline,
      PaperClipOutline,
      PlusOutline,
      UploadOutline,
    ]),
  ],
  styleUrl: './customer-detail.page.less',
  templateUrl: './customer-detail.page.html',
})
export class CustomerDetailPage {
  private readonly apollo = inject(Apollo);
  protected readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);
  protected readonly narrow = mediaQuery(NARROW_SCREEN);

  /** Route parameter `:id`, bound by the router. */
  readonly id = input.required<string>();

  protected readonly detail = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) =>
      this.apollo
        .query({ query: CUSTOMER_DETAIL, variables: params, fetchPolicy: 'network-only' })
        .pipe(map((result) => (result.data ? { customer: result.data.customer, stages: result.data.stages } : null))),
  });

  /** Contracts load on their own so an orders outage leaves the rest of the page usable. */
  protected readonly contracts = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) =>
      this.apollo.query({ query: CUSTOMER_CONTRACTS, variables: params }).pipe(
        map((result) => result.data?.customer.contracts ?? []),
        catchError(() => of(null)),
      ),
  });

  protected readonly outcome = computed<'loading' | 'ok' | 'forbidden' | 'not-found' | 'error'>(() => {
    const error = this.detail.error();
    if (error) {
      const code = graphqlErrorCode(error) ?? '';
      if (FORBIDDEN_CODES.has(code)) return 'forbidden';
      if (NOT_FOUND_CODES.has(code)) return 'not-found';
      return 'error';
    }
    if (this.detail.hasValue() && this.detail.value()) return 'ok';
    return this.detail.isLoading() ? 'loading' : 'not-found';
  });

  protected readonly customer = computed<CustomerDetail | null>(() =>
    this.detail.hasValue() ? (this.detail.value()?.customer ?? null) : null,
  );
  protected readonly stages = computed<Stage[]>(() =>
    this.detail.hasValue() ? [...(this.detail.value()?.stages ?? [])].sort((a, b) => a.order - b.order) : [],
  );
  protected readonly currentIndex = computed(() => {
    const c = this.customer();
    return c ? this.stages().findIndex((s) => s.code === c.stage) : -1;
  });
  protected readonly completed = computed(() => new Set(this.customer()?.completedNodes.map((n) => n.nodeCode) ?? []));

  /**
   * Forward targets (the next stage, and past it while the stages passed over are optional) with
   * what each still lacks, as the API checks a move: under the stage-model version the customer
   * entered its stage under, so this list and a refusal always name the same items.
   */
  protected readonly targets = computed<StageMoveTarget[]>(() => this.customer()?.stageMoveTargets ?? []);
  /** Defaults to the first required stage ahead (报价 → 合同 passes over the optional 试产评估). */
  protected readonly target = linkedSignal<StageMoveTarget[], string | null>({
    source: this.targets,
    computation: (targets) => targets.at(-1)?.stageCode ?? null,
  });

  protected readonly missing = computed<MissingStageItem[]>(() => this.targets().find((t) => t.stageCode === this.target())?.missing ?? []);

  protected readonly moving = signal(false);
  protected readonly moveError = signal<Refusal | null>(null);
  protected readonly moveDone = signal<string | null>(null);

  protected stageName(stage: { nameZh: string; nameEn: string } | undefined, code?: string): string {
    if (!stage) return code ?? '—';
    return this.i18n.lang() === 'zh' ? stage.nameZh : stage.nameEn;
  }

  protected stageByCode(code: string): Stage | undefined {
    return this.stages().find((s) => s.code === code);
  }

  protected nodeName(code: string): string {
    for (const s of this.stages()) {
      const n = s.nodes.find((x) => x.code === code);
      if (n) return this.i18n.lang() === 'zh' ? n.nameZh : n.nameEn;
    }
    return code;
  }

  protected sortedNodes(stage: Stage) {
    return [...stage.nodes].sort((a, b) => a.order - b.order);
  }

  protected nodeState(stageIndex: number, code: string): 'done' | 'current' | 'todo' {
    if (this.completed().has(code)) return 'done';
    if (stageIndex === this.currentIndex() && this.customer()?.node === code) return 'current';
    return 'todo';
  }

  protected missingLabel(item: MissingStageItem): string {
    const kind = this.i18n.t(`customer.missing.${item.kind}`);
    return this.i18n.lang() === 'zh' ? `${kind}：${item.nameZh}` : `${kind}: ${item.nameEn}`;
  }

  protected regionLabel(region: string | null): string {
    return region ? this.i18n.tDynamic(`region.${region}`, region) : '—';
  }

  protected regionText(c: CustomerDetail): string {
    const region = this.regionLabel(c.region);
    return c.city ? `${region} · ${c.city}` : region;
  }

  protected nextStepText(c: CustomerDetail): string | null {
    if (!c.nextStep) return null;
    return this.i18n.lang() === 'zh' ? c.nextStep.messageZh : c.nextStep.messageEn;
  }

  protected errorMessage(): string {
    return graphqlErrorMessage(this.detail.error(), this.i18n.lang(), this.i18n.t('common.loadFailed'));
  }

  protected async moveStage(): Promise<void> {
    const c = this.customer();
    const toStage = this.target();
    if (!c || !toStage || this.moving()) return;
    this.moving.set(true);
    this.moveError.set(null);
    this.moveDone.set(null);
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: MOVE_STAGE, variables: { customerId: c.id, toStage } }));
      this.moveDone.set(this.stageName(this.stageByCode(toStage), toStage));
      this.detail.reload();
    } catch (error) {
      this.moveError.set(refusalOf(error, this.i18n.lang(), this.i18n.t('customer.moveFailed')));
    } finally {
      this.moving.set(false);
    }
  }
}
