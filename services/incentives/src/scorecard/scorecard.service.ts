import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Caller, dataScopeOf, DomainError, newId } from '@lianxiao/platform';
import { ContractScore } from '../ledger';
import { RepQuarterTarget, SalesRep, ScorecardClosure, ScorecardConfig, ScorecardRecord } from './scorecard.entities';
import { RepScorecard, RepTargetInput, ScorecardRecordInput, ScorecardSettings, ScorecardSettingsInput, WhatIfResult } from './scorecard.dto';
import {
  bonusOf, CoefficientBand, coefficientFor, DEFAULT_BANDS, DEFAULT_SETTINGS, evaluate, INDICATORS, IndicatorSetting, quarterOf, quarterRange,
  RecordKind, ScorecardErrorCode, validateSettings, weightedScore,
} from './scorecard-rules';

interface Settings {
  version: number;
  indicators: IndicatorSetting[];
  bands: CoefficientBand[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

@Injectable()
export class ScorecardService {
  constructor(private readonly db: DataSource) {}

  async currentSettings(quarter: string): Promise<Settings> {
    quarterRange(quarter);
    const latest = await this.db.getRepository(ScorecardConfig).findOne({ where: { quarter }, order: { version: 'DESC' } });
    return latest
      ? { version: latest.version, indicators: latest.indicators, bands: latest.bands }
      : { version: 0, indicators: DEFAULT_SETTINGS.map((s) => ({ ...s })), bands: DEFAULT_BANDS.map((b) => ({ ...b })) };
  }

  async settings(quarter: string): Promise<ScorecardSettings> {
    const s = await this.currentSettings(quarter);
    const closed = !!(await this.db.getRepository(ScorecardClosure).findOneBy({ quarter }));
    return { quarter, ...s, closed };
  }

  private async assertOpen(quarter: string): Promise<void> {
    if (await this.db.getRepository(ScorecardClosure).findOneBy({ quarter })) {
      throw new DomainError(ScorecardErrorCode.QUARTER_CLOSED, `${quarter} 已关账，考核数据已冻结`, `${quarter} is closed; its scorecards are frozen`, [], 409);
    }
  }

  private candidate(current: Settings, input: ScorecardSettingsInput): Settings {
    const indicators = (input.indicators ?? current.indicators).map((i) => ({ code: i.code, weight: Number(i.weight), threshold: Number(i.threshold) }));
    const bands = (input.bands ?? current.bands).map((b) => ({ minScore: Number(b.minScore), coefficient: Number(b.coefficient) }));
    validateSettings(indicators, bands);
    return { version: current.version + 1, indicators, bands };
  }

  async saveSettings(caller: Caller, input: ScorecardSettingsInput): Promise<ScorecardSettings> {
    const current = await this.currentSettings(input.quarter);
    const next = this.candidate(current, input);
    await this.assertOpen(input.quarter);
    await this.db.getRepository(ScorecardConfig).insert({
      id: newId(), quarter: input.quarter, version: next.version, indicators: next.indicators, bands: next.bands, createdBy: caller.userId, createdAt: new Date(),
    });
    return { quarter: input.quarter, ...next, closed: false };
  }

  /** Reps the caller may see: own (rep), own region (supervisor), all (director, admin, finance). */
  async repsInScope(caller: Caller): Promise<SalesRep[]> {
    const scope = dataScopeOf(caller);
    const repo = this.db.getRepository(SalesRep);
    if (scope.kind === 'owner') return repo.findBy({ id: scope.userId });
    if (scope.kind === 'region') return repo.find({ where: { region: scope.region }, order: { name: 'ASC' } });
    if (scope.kind === 'all') return repo.find({ order: { region: 'ASC', name: 'ASC' } });
    return [];
  }

  async scorecards(caller: Caller, quarter: string): Promise<RepScorecard[]> {
    quarterRange(quarter);
    const reps = await this.repsInScope(caller);
    const closure = await this.db.getRepository(ScorecardClosure).findOneBy({ quarter });
    if (closure) {
      const ids = new Set(reps.map((r) => r.id));
      return (closure.snapshot as RepScorecard[]).filter((s) => ids.has(s.repId)).map((s) => ({
        ...s, closed: true, indicators: s.indicators.map((i) => ({ ...i, sources: i.sources.map((src) => ({ ...src, occurredAt: new Date(src.occurredAt) })) })),
      }));
    }
    return this.compute(reps, quarter, await this.currentSettings(quarter));
  }

  async compute(reps: SalesRep[], quarter: string, settings: Settings): Promise<RepScorecard[]> {
    if (!reps.length) return [];
    const { start, end } = quarterRange(quarter);
    const ids = reps.map((r) => r.id);
    const [targets, records, contracts] = await Promise.all([
      this.db.getRepository(RepQuarterTarget).findBy({ repId: In(ids), quarter }),
      this.db.getRepository(ScorecardRecord).find({ where: { repId: In(ids), quarter }, order: { occurredAt: 'ASC' } }),
      this.db.getRepository(ContractScore).createQueryBuilder('s')
        .where('s.ownerId IN (:...ids)', { ids }).andWhere('s.signedAt >= :start AND s.signedAt < :end', { start, end })
        .orderBy('s.signedAt', 'ASC').getMany(),
    ]);
    return reps.map((rep) => {
      const target = targets.find((t) => t.repId === rep.id) ?? null;
      const mine = records.filter((r) => r.repId === rep.id);
      const signed = contracts.filter((c) => c.ownerId === rep.id);
      const amount = round2(signed.reduce((s, c) => s + c.amount, 0));
      const results = evaluate(settings.indicators, mine, { amount, target: target?.targetAmount ?? null });
      const score = weightedScore(results);
      const coefficient = coefficientFor(score, settings.bands);
      const baseCommission = target?.baseCommission ?? 0;
      return {
        repId: rep.id, repName: rep.name, region: rep.region, quarter, score, coefficient, baseCommission,
        bonus: bonusOf(baseCommission, coefficient), targetAmount: target?.targetAmount ?? null, closed: false,
        indicators: results.map((r) => {
          const def = INDICATORS.find((d) => d.code === r.code)!;
          const sources = def.recordKind === null
            ? signed.map((c) => ({ id: c.contractId, kind: 'CONTRACT', reference: c.contractNumber, value: c.amount, value2: null, occurredAt: c.signedAt }))
            : mine.filter((m) => m.kind === def.recordKind).map((m) => ({ id: m.id, kind: m.kind, reference: m.reference, value: m.value, value2: m.value2, occurredAt: m.occurredAt }));
          return { ...r, nameZh: def.nameZh, nameEn: def.nameEn, direction: def.direction, unit: def.unit, formulaZh: def.formulaZh, sources };
        }),
      };
    });
  }

  async whatIf(caller: Caller, input: ScorecardSettingsInput): Promise<WhatIfResult> {
    const current = await this.currentSettings(input.quarter);
    const next = this.candidate(current, input);
    const reps = await this.repsInScope(caller);
    const [before, after] = await Promise.all([this.compute(reps, input.quarter, current), this.compute(reps, input.quarter, next)]);
    const rows = before.map((b, i) => ({
      repId: b.repId, repName: b.repName, region: b.region, scoreBefore: b.score, scoreAfter: after[i].score,
      coefficientBefore: b.coefficient, coefficientAfter: after[i].coefficient, bonusBefore: b.bonus, bonusAfter: after[i].bonus,
    }));
    return {
      quarter: input.quarter, reps: rows,
      totalBonusBefore: round2(rows.reduce((s, r) => s + r.bonusBefore, 0)),
      totalBonusAfter: round2(rows.reduce((s, r) => s + r.bonusAfter, 0)),
    };
  }

  /** Enters or imports source records: all or nothing, refused for unknown reps/kinds or closed quarters. */
  async record(caller: Caller, inputs: ScorecardRecordInput[]): Promise<number> {
    const kinds = Object.values(RecordKind) as string[];
    const reps = new Set((await this.db.getRepository(SalesRep).findBy({ id: In([...new Set(inputs.map((i) => i.repId))]) })).map((r) => r.id));
    const problems = inputs.flatMap((i, n) => [
      ...(kinds.includes(i.kind) ? [] : [{ field: `entries[${n}].kind`, messageZh: `未知的记录类型 ${i.kind}`, messageEn: `unknown record kind ${i.kind}` }]),
      ...(reps.has(i.repId) ? [] : [{ field: `entries[${n}].repId`, messageZh: '没有这个销售', messageEn: 'no such sales rep' }]),
      ...(Number.isFinite(i.value) && (i.value2 === null || i.value2 === undefined || Number.isFinite(i.value2)) ? [] : [{ field: `entries[${n}].value`, messageZh: '数值无效', messageEn: 'not a number' }]),
      ...(i.kind === RecordKind.COMPLAINT_SURVEY && (i.value < 0 || i.value > 5) ? [{ field: `entries[${n}].value`, messageZh: '满意度须在 0–5 之间', messageEn: 'a survey score lies in 0–5' }] : []),
      ...(i.kind === RecordKind.RETURN_REPAIR && !(Number(i.value2) > 0) ? [{ field: `entries[${n}].value2`, messageZh: '须填写交付数量', messageEn: 'delivered units are required' }] : []),
      ...(i.reference.trim() && i.reference.length <= 64 ? [] : [{ field: `entries[${n}].reference`, messageZh: '须填写单号（≤ 64 字）', messageEn: 'a reference (≤ 64 characters) is required' }]),
    ]);
    if (!inputs.length) problems.push({ field: 'entries', messageZh: '没有记录', messageEn: 'no entries' });
    if (problems.length) throw DomainError.validation(problems);
    for (const q of new Set(inputs.map((i) => quarterOf(new Date(i.occurredAt))))) await this.assertOpen(q);
    const now = new Date();
    await this.db.transaction((tx) => tx.getRepository(ScorecardRecord).insert(inputs.map((i) => ({
      id: newId(), repId: i.repId, quarter: quarterOf(new Date(i.occurredAt)), kind: i.kind, customerId: i.customerId ?? null, reference: i.reference.trim(),
      value: i.value, value2: i.value2 ?? null, occurredAt: new Date(i.occurredAt), enteredBy: caller.userId, enteredAt: now,
    }))));
    return inputs.length;
  }

  async setTarget(input: RepTargetInput): Promise<RepQuarterTarget> {
    quarterRange(input.quarter);
    if (!(input.targetAmount > 0) || !(input.baseCommission >= 0)) {
      throw DomainError.validation([{ field: 'targetAmount', messageZh: '目标须大于 0，提成基数不能为负', messageEn: 'The target must be above 0 and the base commission not negative' }]);
    }
    if (!(await this.db.getRepository(SalesRep).findOneBy({ id: input.repId }))) throw DomainError.notFound('Sales rep', '销售', input.repId);
    await this.assertOpen(input.quarter);
    const repo = this.db.getRepository(RepQuarterTarget);
    const existing = await repo.findOneBy({ repId: input.repId, quarter: input.quarter });
    const row = { id: existing?.id ?? newId(), repId: input.repId, quarter: input.quarter, targetAmount: input.targetAmount, baseCommission: input.baseCommission };
    await repo.save(row);
    return row;
  }

  /** Freezes the quarter: every rep's scorecard is stored as it stands and never recomputed. */
  async close(caller: Caller, quarter: string): Promise<RepScorecard[]> {
    await this.assertOpen(quarter);
    const settings = await this.currentSettings(quarter);
    const all = await this.compute(await this.db.getRepository(SalesRep).find({ order: { region: 'ASC', name: 'ASC' } }), quarter, settings);
    try {
      await this.db.getRepository(ScorecardClosure).insert({
        quarter, configVersion: settings.version, snapshot: all, closedBy: caller.userId, closedByName: caller.displayName ?? caller.username, closedAt: new Date(),
      });
    } catch {
      await this.assertOpen(quarter);
      throw new Error('closing the quarter failed');
    }
    return all.map((s) => ({ ...s, closed: true }));
  }
}
