import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Not, Repository } from 'typeorm';
import { Caller, DomainError, newId } from '@lianxiao/platform';
import { Customer } from '../customer';
import { CustomerService } from '../customer/customer.service';
import { isDuplicateKeyError } from '../customer/duplicate-key-error';
import { appendStageChanged, conditionsOf, Stage, StageConditions, StageService } from '../stage';
import { Clock, CLOCK, FILE_STORAGE, FileStorage } from './file-storage';
import { Evidence, NodeCompletion, StageTransition } from './pipeline.entities';
import { AddEvidenceInput } from './pipeline.dto';
import { checkEvidenceFile } from './evidence-rules';
import { isWatermarkAcceptable } from './watermark-rule';
import { MissingItem, missingItems, missingMessage } from './stage-condition-check';
import { PipelineErrorCode, WATERMARKED_EVIDENCE_TYPES } from './pipeline-vocabulary';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Exit conditions of the current stage, then entry conditions of the target. */
export function moveConditions(from: Stage, to: Stage): StageConditions[] {
  return [conditionsOf(from.exitConditions), conditionsOf(to.entryConditions)];
}

/** Forward targets from `from`: the next stage, and past it while the stages passed over are optional. */
export function forwardTargets(stages: readonly Stage[], from: Stage): Stage[] {
  const ahead = [...stages].filter((s) => s.order > from.order).sort((a, b) => a.order - b.order);
  const out: Stage[] = [];
  for (const s of ahead) {
    out.push(s);
    if (!s.optional) break;
  }
  return out;
}

/** Stage moves, node completions and evidence: the one place that checks stage conditions. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(Evidence) private readonly evidence: Repository<Evidence>,
    @InjectRepository(NodeCompletion) private readonly completions: Repository<NodeCompletion>,
    @InjectRepository(StageTransition) private readonly transitions: Repository<StageTransition>,
    private readonly customerService: CustomerService,
    private readonly stageService: StageService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  evidenceOf(customerIds: readonly string[]): Promise<Evidence[]> {
    return this.evidence.find({ where: { customerId: In([...customerIds]) }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  completionsOf(customerIds: readonly string[]): Promise<NodeCompletion[]> {
    return this.completions.find({ where: { customerId: In([...customerIds]) }, order: { completedAt: 'ASC', id: 'ASC' } });
  }

  transitionsOf(customerIds: readonly string[]): Promise<StageTransition[]> {
    return this.transitions.find({ where: { customerId: In([...customerIds]) }, order: { movedAt: 'ASC', id: 'ASC' } });
  }

  /** Marks a node of the stage model done for a customer in scope; completing it again returns the first completion. */
  async completeNode(caller: Caller, customerId: string, nodeCode: string): Promise<NodeCompletion> {
    const customer = await this.customerService.findForCaller(caller, customerId);
    const [node] = await this.stageService.findNodesByCodes([nodeCode]);
    if (!node) {
      throw DomainError.validation([{ field: 'nodeCode', messageZh: `节点 ${nodeCode} 不在阶段模型中`, messageEn: `Node ${nodeCode} is not in the stage model` }]);
    }
    const completion: NodeCompletion = { id: newId(), customerId, nodeCode, completedBy: caller.userId, completedAt: this.clock.now() };
    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(NodeCompletion).insert(completion);
        // A node of the current stage also becomes the customer's current node.
        if (node.stageCode === customer.stage) await tx.getRepository(Customer).update({ id: customerId }, { node: nodeCode });
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return this.completions.findOneByOrFail({ customerId, nodeCode });
  }

  /**
   * Adds a file as evidence for the customer's current stage. Refuses bad files and quotation
   * evidence whose watermark is more than 3 minutes off; flags a file already used for another customer.
   */
  async addEvidence(caller: Caller, customerId: string, input: AddEvidenceInput): Promise<Evidence> {
    const customer = await this.customerService.findForCaller(caller, customerId);
    const check = checkEvidenceFile(input);
    if (!check.ok) throw DomainError.validation(check.details);
    const uploadedAt = this.clock.now();
    const watermarkAt = input.watermarkAt ? new Date(input.watermarkAt) : null;
    if (WATERMARKED_EVIDENCE_TYPES.includes(input.type)) {
      if (!watermarkAt) {
        throw DomainError.validation([{ field: 'watermarkAt', messageZh: '电子签章报价单须提供签章水印时间', messageEn: 'An e-signed quotation needs its watermark time (watermarkAt)' }]);
      }
      if (!isWatermarkAcceptable(watermarkAt, uploadedAt)) {
        const minutes = (Math.abs(uploadedAt.getTime() - watermarkAt.getTime()) / 60000).toFixed(1);
        throw new DomainError(
          PipelineErrorCode.EVIDENCE_WATERMARK_MISMATCH,
          `电子签章水印时间与上传时间相差 ${minutes} 分钟，超过 3 分钟，附件被拒绝`,
          `The e-signature watermark time differs from the upload time by ${minutes} minutes (more than 3): evidence refused`,
          [{ field: 'watermarkAt', messageZh: '水印时间须在上传时间前后 3 分钟内', messageEn: 'The watermark must be within 3 minutes of the upload time', watermarkAt: watermarkAt.toISOString(), uploadedAt: uploadedAt.toISOString() }],
          400,
        );
      }
    }
    const other = await this.evidence.findOne({ where: { sha256: check.sha256, customerId: Not(customerId) }, order: { uploadedAt: 'ASC' } });
    await this.storage.put(check.sha256, check.bytes, input.mimeType);
    const row: Evidence = {
      id: newId(),
      customerId,
      stageCode: customer.stage,
      type: input.type,
      fileName: input.fileName.trim(),
      mimeType: input.mimeType,
      sizeBytes: check.bytes.length,
      sha256: check.sha256,
      watermarkAt,
      duplicateOfCustomerId: other?.customerId ?? null,
      uploadedBy: caller.userId,
      uploadedAt,
    };
    await this.evidence.insert(row);
    return this.evidence.findOneByOrFail({ id: row.id });
  }

  /** What a customer still lacks to move from its stage to `to` (forward): exit of the current + entry of the target. */
  async missingFor(customer: Customer, from: Stage, to: Stage, stages: Stage[]): Promise<MissingItem[]> {
    const [completions, evidence] = await Promise.all([this.completionsOf([customer.id]), this.evidenceOf([customer.id])]);
    return this.missingFromFacts(customer, moveConditions(from, to), completions, evidence, stages);
  }

  /**
   * The forward moves open to a customer and what each still lacks, from `stages` = the model
   * version the customer entered its stage under: the same conditions moveStage checks.
   */
  moveTargetsFromFacts(customer: Customer, stages: Stage[], completions: NodeCompletion[], evidence: Evidence[]): { stage: Stage; missing: MissingItem[] }[] {
    const from = stages.find((s) => s.code === customer.stage);
    if (!from) return [];
    return forwardTargets(stages, from).map((stage) => ({ stage, missing: this.missingFromFacts(customer, moveConditions(from, stage), completions, evidence, stages) }));
  }

  missingFromFacts(customer: Customer, conditions: StageConditions[], completions: NodeCompletion[], evidence: Evidence[], stages: Stage[]): MissingItem[] {
    const nodes = new Map(stages.flatMap((s) => s.nodes ?? []).map((n) => [n.code, n]));
    return missingItems(
      conditions,
      {
        completedNodes: new Set(completions.map((c) => c.nodeCode)),
        evidenceTypes: new Set(evidence.map((e) => e.type)),
        customer: customer as unknown as Record<string, unknown>,
      },
      (code) => ({ zh: nodes.get(code)?.nameZh ?? code, en: nodes.get(code)?.nameEn ?? code }),
    );
  }

  /**
   * Moves a customer to another stage: forward by one (optional stages may be passed over) after
   * checking the exit conditions of the current stage and the entry conditions of the target, or
   * backward to any earlier stage. A refusal changes nothing; success writes customer + transition at once.
   */
  async moveStage(caller: Caller, customerId: string, toStage: string): Promise<Customer> {
    const customer = await this.customerService.findForCaller(caller, customerId);
    // The conditions of the stage-model version the customer entered its stage under (as its stage bar shows them).
    const stages = await this.stageService.listWithNodes(customer.stageEnteredAt);
    const from = stages.find((s) => s.code === customer.stage);
    const to = stages.find((s) => s.code === toStage);
    if (!to) {
      throw new DomainError(PipelineErrorCode.STAGE_MOVE_INVALID, `阶段 ${toStage} 不存在`, `Stage ${toStage} does not exist`, [{ field: 'toStage', messageZh: `阶段 ${toStage} 不存在`, messageEn: `Stage ${toStage} does not exist` }], 400);
    }
    if (!from) throw new Error(`customer ${customerId} is in unknown stage ${customer.stage}`);
    if (from.code === to.code) {
      throw new DomainError(PipelineErrorCode.STAGE_MOVE_INVALID, `客户已处于${to.nameZh}阶段`, `The customer is already in stage ${to.nameEn}`, [], 400);
    }
    if (to.order > from.order) {
      const skipped = stages.filter((s) => s.order > from.order && s.order < to.order && !s.optional);
      if (skipped.length) {
        throw new DomainError(
          PipelineErrorCode.STAGE_SKIP_NOT_ALLOWED,
          `不能跳过阶段：${skipped.map((s) => s.nameZh).join('、')}（只能向前推进一个阶段）`,
          `Stages cannot be skipped: ${skipped.map((s) => s.nameEn).join(', ')} (forward moves go one stage at a time)`,
          skipped.map((s) => ({ code: s.code, messageZh: `跳过了${s.nameZh}`, messageEn: `skips ${s.nameEn}` })),
          400,
        );
      }
      const missing = await this.missingFor(customer, from, to, stages);
      if (missing.length) {
        const { messageZh, messageEn, details } = missingMessage(missing);
        throw new DomainError(
          PipelineErrorCode.STAGE_CONDITIONS_UNMET,
          `不能从${from.nameZh}推进到${to.nameZh}，${messageZh}`,
          `Cannot move from ${from.nameEn} to ${to.nameEn}. ${messageEn}`,
          details,
          400,
        );
      }
    }
    const now = this.clock.now();
    const firstNode = [...(to.nodes ?? [])].sort((a, b) => a.order - b.order)[0]?.code ?? customer.node;
    await this.db.transaction(async (tx) => {
      const result = await tx.getRepository(Customer).update({ id: customerId, stage: from.code }, { stage: to.code, node: firstNode, stageEnteredAt: now });
      if (result.affected === 0) {
        throw DomainError.conflict('客户阶段已被他人修改，请刷新后重试', 'The customer’s stage was changed meanwhile; reload and try again');
      }
      await tx.getRepository(StageTransition).insert({
        id: newId(),
        customerId,
        fromStage: from.code,
        toStage: to.code,
        movedBy: caller.userId,
        movedAt: now,
        daysInPreviousStage: Math.max(0, Math.round(((now.getTime() - new Date(customer.stageEnteredAt).getTime()) / DAY_MS) * 100) / 100),
      });
      await appendStageChanged(tx, {
        customerId, ownerId: customer.ownerId, fromStage: from.code, toStage: to.code, toNode: firstNode, changedAt: now,
        changedBy: { id: caller.userId, name: caller.displayName ?? caller.username }, previousStageEnteredAt: customer.stageEnteredAt,
      });
    });
    return this.customerService.findForCaller(caller, customerId);
  }
}
