import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '@lianxiao/platform';
import type { CoefficientBand, IndicatorSetting } from './scorecard-rules';

/** Weights, thresholds and coefficient mapping of a quarter; every save is a new version. */
@Entity('scorecard_config')
@Index('UQ_scorecard_config_version', ['quarter', 'version'], { unique: true })
export class ScorecardConfig {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 6 }) quarter: string;
  @Column('int') version: number;
  @Column('simple-json') indicators: IndicatorSetting[];
  @Column('simple-json') bands: CoefficientBand[];
  @Column('varchar', { length: 36 }) createdBy: string;
  @Column('datetime', { precision: 3 }) createdAt: Date;
}

/** A sales rep as the scorecard knows them (copied from the identity directory by the seed / admin). */
@Entity('sales_rep')
export class SalesRep {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 64 }) username: string;
  @Column('varchar', { length: 64 }) name: string;
  @Index() @Column('varchar', { length: 16 }) region: string;
  @Column('varchar', { length: 36, nullable: true }) supervisorId: string | null;
  @Column('datetime', { nullable: true }) hiredAt: Date | null;
}

/** A rep's contract target and base commission for a quarter. */
@Entity('rep_quarter_target')
@Index('UQ_rep_quarter_target', ['repId', 'quarter'], { unique: true })
export class RepQuarterTarget {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) repId: string;
  @Column('varchar', { length: 6 }) quarter: string;
  @Column('decimal', { precision: 14, scale: 2, transformer: decimalToNumber }) targetAmount: number;
  @Column('decimal', { precision: 12, scale: 2, transformer: decimalToNumber }) baseCommission: number;
}

/**
 * A source record of an indicator, entered or imported here (surveys, returns, first payments…
 * have no other home yet). value / value2 by kind: days late; survey score; 1 success or 0;
 * days to payment; returned units / delivered units; potential 0–100; interactions.
 */
@Entity('scorecard_record')
@Index('IDX_scorecard_record_rep', ['repId', 'quarter', 'kind'])
export class ScorecardRecord {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36 }) repId: string;
  @Column('varchar', { length: 6 }) quarter: string;
  @Column('varchar', { length: 32 }) kind: string;
  @Column('varchar', { length: 36, nullable: true }) customerId: string | null;
  @Column('varchar', { length: 64 }) reference: string;
  @Column('decimal', { precision: 14, scale: 4, transformer: decimalToNumber }) value: number;
  @Column('decimal', { precision: 14, scale: 4, nullable: true, transformer: decimalToNumber }) value2: number | null;
  @Column('datetime') occurredAt: Date;
  @Column('varchar', { length: 36 }) enteredBy: string;
  @Column('datetime', { precision: 3 }) enteredAt: Date;
}

/** A closed quarter: the scorecards as they were when the director closed it, never recomputed. */
@Entity('scorecard_closure')
export class ScorecardClosure {
  @PrimaryColumn('varchar', { length: 6 }) quarter: string;
  @Column('int') configVersion: number;
  @Column('simple-json') snapshot: unknown[];
  @Column('varchar', { length: 36 }) closedBy: string;
  @Column('varchar', { length: 64 }) closedByName: string;
  @Column('datetime', { precision: 3 }) closedAt: Date;
}

export const SCORECARD_ENTITIES = [ScorecardConfig, SalesRep, RepQuarterTarget, ScorecardRecord, ScorecardClosure];
