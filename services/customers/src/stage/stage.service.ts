import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Caller, DomainError } from '@lianxiao/platform';
import { Stage, StageNode } from './stage.entity';
import { conditionsOf } from './stage-conditions';
import { StageModelVersion, StageSnapshot } from './stage-model-version.entity';
import { UpdateStageConditionsInput } from './stage-model.dto';
import { checkStageConditions } from './stage-condition-rules';
import { isDuplicateKeyError } from '../customer/duplicate-key-error';

/** Version 1 (the seeded model) is in force from the beginning of time. */
const BASELINE_FROM = new Date(0);

@Injectable()
export class StageService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    @InjectRepository(StageNode) private readonly nodes: Repository<StageNode>,
    @InjectRepository(StageModelVersion) private readonly versions: Repository<StageModelVersion>,
  ) {}

  /**
   * The whole pipeline in order, each stage with its nodes in order. With `asOf` (a customer's
   * stageEnteredAt): the model version in force at that time, so a customer keeps the conditions
   * it entered its stage under.
   */
  async listWithNodes(asOf?: Date | string | null): Promise<Stage[]> {
    if (asOf) return (await this.listWithNodesAsOf([asOf]))[0];
    return this.stages.find({ relations: { nodes: true }, order: { order: 'ASC', nodes: { order: 'ASC' } } });
  }

  /**
   * The model in force at each of these times (customers' stageEnteredAt), in one read of the
   * versions: what a customer's moves are checked against and what its stage bar shows as missing.
   */
  async listWithNodesAsOf(asOf: readonly (Date | string)[]): Promise<Stage[][]> {
    // A handful of rows: picked in memory (no datetime comparison differences between SQLite and MariaDB).
    const all = await this.versions.find({ order: { version: 'DESC' } });
    let current: Promise<Stage[]> | undefined;
    return Promise.all(
      asOf.map((t) => {
        const at = new Date(t).getTime();
        // Only the baseline, or the latest version: the current rows are that version.
        const version = all.length > 1 ? (all.find((v) => v.effectiveFrom.getTime() <= at) ?? all[all.length - 1]) : undefined;
        if (version && version.version !== all[0].version) return version.stages.map(stageFromSnapshot);
        return (current ??= this.listWithNodes());
      }),
    );
  }

  findStagesByCodes(codes: readonly string[]): Promise<Stage[]> {
    return this.stages.find({ where: { code: In([...codes]) } });
  }

  findNodesByCodes(codes: readonly string[]): Promise<StageNode[]> {
    return this.nodes.find({ where: { code: In([...codes]) } });
  }

  /** Every version, newest first (version 1 is written from the seeded model on first use). */
  async listVersions(): Promise<StageModelVersion[]> {
    await this.ensureBaseline();
    return this.versions.find({ order: { version: 'DESC' } });
  }

  /** Version numbers customers are checked against, for many stageEnteredAt values at once. */
  async versionNumbersFor(asOf: readonly (Date | string)[]): Promise<number[]> {
    await this.ensureBaseline();
    const all = await this.versions.find({ select: { version: true, effectiveFrom: true }, order: { version: 'DESC' } });
    return asOf.map((t) => {
      const at = new Date(t).getTime();
      return (all.find((v) => v.effectiveFrom.getTime() <= at) ?? all[all.length - 1])?.version ?? 1;
    });
  }

  /** Admin: new entry/exit conditions for one stage → a new model version, effective now. */
  async updateConditions(caller: Caller, input: UpdateStageConditionsInput, now = new Date()): Promise<StageModelVersion> {
    await this.ensureBaseline();
    const model = await this.listWithNodes();
    const stage = model.find((s) => s.code === input.stageCode);
    if (!stage) throw DomainError.notFound('Stage', '阶段', input.stageCode);
    const nodeCodes = new Set(model.flatMap((s) => (s.nodes ?? []).map((n) => n.code)));
    const entry = input.entry ? checkStageConditions('entry', input.entry, nodeCodes) : undefined;
    const exit = input.exit ? checkStageConditions('exit', input.exit, nodeCodes) : undefined;
    const details = [...(entry?.details ?? []), ...(exit?.details ?? [])];
    if (!entry && !exit) details.push({ field: 'entry', messageZh: '请至少修改准入或准出条件之一', messageEn: 'Give entry or exit conditions (or both)' });
    if ((input.note?.length ?? 0) > 500) details.push({ field: 'note', messageZh: '说明最多 500 字', messageEn: 'The note is at most 500 characters' });
    if (details.length) throw DomainError.validation(details);
    if (entry) stage.entryConditions = entry.value;
    if (exit) stage.exitConditions = exit.value;
    const latest = await this.latestVersionNumber();
    const row: StageModelVersion = {
      version: latest + 1,
      effectiveFrom: now,
      createdAt: now,
      createdBy: caller.userId,
      note: input.note?.trim() || null,
      stages: model.map(snapshotOf),
    };
    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(Stage).update({ code: stage.code }, { entryConditions: stage.entryConditions, exitConditions: stage.exitConditions });
        await tx.getRepository(StageModelVersion).insert(row);
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw DomainError.conflict('阶段模型刚被他人修改，请刷新后重试', 'The stage model was changed meanwhile; reload and try again');
      throw error;
    }
    return this.versions.findOneByOrFail({ version: row.version });
  }

  private async latestVersionNumber(): Promise<number> {
    const latest = await this.versions.find({ select: { version: true }, order: { version: 'DESC' }, take: 1 });
    return latest[0]?.version ?? 1;
  }

  /** Writes version 1 from the current (seeded) rows the first time versions are asked for. */
  async ensureBaseline(): Promise<void> {
    if ((await this.versions.count()) > 0) return;
    const model = await this.listWithNodes();
    if (!model.length) return;
    try {
      await this.versions.insert({ version: 1, effectiveFrom: BASELINE_FROM, createdAt: new Date(), createdBy: null, note: '初始模型（七阶十六节点） / initial model', stages: model.map(snapshotOf) });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

function snapshotOf(s: Stage): StageSnapshot {
  return {
    code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, order: s.order, optional: s.optional,
    entryConditions: conditionsOf(s.entryConditions), exitConditions: conditionsOf(s.exitConditions),
    nodes: [...(s.nodes ?? [])].sort((a, b) => a.order - b.order).map((n) => ({ code: n.code, stageCode: n.stageCode, nameZh: n.nameZh, nameEn: n.nameEn, order: n.order })),
  };
}

function stageFromSnapshot(s: StageSnapshot): Stage {
  const stage = { code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, order: s.order, optional: s.optional, entryConditions: s.entryConditions, exitConditions: s.exitConditions } as Stage;
  stage.nodes = s.nodes.map((n) => ({ ...n }) as StageNode);
  return stage;
}
