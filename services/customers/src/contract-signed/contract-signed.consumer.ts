import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { CloudEvent, ContractSignedV1 } from '@lianxiao/contracts';
import { createLogger, DomainError, EVENT_TRANSPORT, EventTransport, InboxConsumer } from '@lianxiao/platform';
import { Customer } from '../customer';
import { StageService } from '../stage';
import { PipelineService } from '../pipeline/pipeline.service';
import { ContractSignal, ContractSignalOutcome } from './contract-signal.entity';
import { CONTRACT_SIGNED_CONSUMER, CONTRACT_SIGNED_SYSTEM_CALLER, CONTRACT_SIGNED_TOPICS, CONTRACT_STAGE, recordContractSignal } from './contract-signed.handler';

/**
 * `orders.contract-signed.v1` → the customer moves to 合同 through the pipeline's own stage move
 * (same conditions as a rep's move: evidence, nodes, no skipping), as the system. When the
 * conditions do not hold, the reason is kept on the signal and logged; the rep completes the move.
 */
@Injectable()
export class ContractSignedConsumer implements OnApplicationBootstrap {
  private readonly log = createLogger('customers.contract-signed');
  private consumer: InboxConsumer | undefined;
  private pipeline: PipelineService | undefined;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @InjectRepository(ContractSignal) private readonly signals: Repository<ContractSignal>,
    private readonly stageService: StageService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.pipeline = this.moduleRef.get(PipelineService, { strict: false });
    this.consumer = new InboxConsumer(this.db, this.transport, {
      consumer: CONTRACT_SIGNED_CONSUMER,
      topics: CONTRACT_SIGNED_TOPICS,
      handler: async (event, { manager }) => {
        const recorded = await recordContractSignal(manager, event as CloudEvent<ContractSignedV1>);
        const contractId = (event.data as ContractSignedV1).contractId;
        // After the inbox transaction commits: the stage move has its own transaction.
        if (recorded) setTimeout(() => void this.process(contractId), 0);
      },
    });
    await this.consumer.start();
    this.log.info({ topics: CONTRACT_SIGNED_TOPICS }, 'contract-signed consumer started');
    // Signals recorded before a restart but not yet processed; a failure here must not stop the service.
    void this.processPending().catch((error: Error) => this.log.error({ err: error.message }, 'pending contract signals not processed; retried at next start'));
  }

  private async processPending(): Promise<void> {
    const pending = await this.signals.find({ where: { outcome: ContractSignalOutcome.PENDING } });
    for (const s of pending) await this.process(s.contractId);
    if (pending.length) this.log.info({ pending: pending.length }, 'pending contract signals processed');
  }

  /** Tries the move once for a pending signal and records the outcome. */
  async process(contractId: string): Promise<ContractSignalOutcome | null> {
    const signal = await this.signals.findOneBy({ contractId });
    if (!signal || signal.outcome !== ContractSignalOutcome.PENDING) return signal?.outcome ?? null;
    let outcome: ContractSignalOutcome;
    let reasonZh: string | null = null;
    let reasonEn: string | null = null;
    try {
      const customer = await this.db.getRepository(Customer).findOneBy({ id: signal.customerId });
      const stages = await this.stageService.listWithNodes();
      const target = stages.find((s) => s.code === CONTRACT_STAGE);
      const current = stages.find((s) => s.code === customer?.stage);
      if (!customer || !target) {
        outcome = ContractSignalOutcome.NOT_MOVED;
        reasonZh = customer ? '阶段模型中没有合同阶段' : '客户不存在';
        reasonEn = customer ? 'The stage model has no Contract stage' : 'Unknown customer';
      } else if (current && current.order >= target.order) {
        outcome = ContractSignalOutcome.ALREADY;
      } else {
        await this.pipeline!.moveStage(CONTRACT_SIGNED_SYSTEM_CALLER, customer.id, CONTRACT_STAGE);
        outcome = ContractSignalOutcome.MOVED;
      }
    } catch (error) {
      if (!(error instanceof DomainError)) {
        this.log.error({ contractId, err: (error as Error).message }, 'stage move after contract signing failed; will retry at next start');
        return ContractSignalOutcome.PENDING;
      }
      outcome = ContractSignalOutcome.NOT_MOVED;
      reasonZh = error.messageZh.slice(0, 500);
      reasonEn = error.messageEn.slice(0, 500);
    }
    await this.signals.update({ contractId, outcome: ContractSignalOutcome.PENDING }, { outcome, reasonZh, reasonEn, processedAt: new Date() });
    const log = { contractId, contractNumber: signal.contractNumber, customerId: signal.customerId, outcome, reason: reasonEn };
    if (outcome === ContractSignalOutcome.NOT_MOVED) this.log.warn(log, 'customer not moved to 合同 after contract signing; left for the rep');
    else this.log.info(log, 'contract signal processed');
    return outcome;
  }
}
