import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, Role } from '@lianxiao/platform';
import { NewHireRampSummary, RepScorecard, RepTargetInput, ScorecardRecordInput, ScorecardSettings, ScorecardSettingsInput, WhatIfResult } from './scorecard.dto';
import { ScorecardService } from './scorecard.service';
import { NewHireRampService } from '../behaviour/new-hire-ramp.service';

/** Who sees scorecards: reps their own, supervisors their region's reps, director/admin/finance all. */
const SCORECARD_READERS = [Role.DIRECTOR, Role.ADMIN, Role.FINANCE, Role.SUPERVISOR, Role.REP];

@Resolver()
export class ScorecardResolver {
  constructor(private readonly service: ScorecardService, private readonly ramp: NewHireRampService) {}

  @Query(() => ScorecardSettings, { description: 'Weights, thresholds and coefficient mapping of a quarter (e.g. 2026Q4) / 考核配置' })
  @Allow(...SCORECARD_READERS)
  scorecardSettings(@Args('quarter') quarter: string): Promise<ScorecardSettings> {
    return this.service.settings(quarter);
  }

  @Mutation(() => ScorecardSettings, { description: 'Saves the next version of a quarter’s settings; weights must total 100 %, mapping monotonic in [0.6, 1.4] / 保存考核配置' })
  @Allow(Role.ADMIN)
  saveScorecardSettings(@CurrentCaller() caller: Caller, @Args('input') input: ScorecardSettingsInput): Promise<ScorecardSettings> {
    return this.service.saveSettings(caller, input);
  }

  @Query(() => [RepScorecard], { description: 'Scorecards of a quarter: a rep’s own, a supervisor’s team, everyone for the director / 销售考核卡' })
  @Allow(...SCORECARD_READERS)
  scorecards(@CurrentCaller() caller: Caller, @Args('quarter') quarter: string): Promise<RepScorecard[]> {
    return this.service.scorecards(caller, quarter);
  }

  @Query(() => WhatIfResult, { description: 'Every rep’s coefficient and the total bonus under candidate settings, before and after; nothing is saved / 假设分析' })
  @Allow(Role.DIRECTOR, Role.ADMIN)
  scorecardWhatIf(@CurrentCaller() caller: Caller, @Args('input') input: ScorecardSettingsInput): Promise<WhatIfResult> {
    return this.service.whatIf(caller, input);
  }

  @Mutation(() => Int, { description: 'Enters or imports indicator source records (surveys, returns, first payments…), all or nothing / 录入考核记录' })
  @Allow(Role.DIRECTOR, Role.ADMIN, Role.FINANCE)
  recordScorecardEntries(@CurrentCaller() caller: Caller, @Args('entries', { type: () => [ScorecardRecordInput] }) entries: ScorecardRecordInput[]): Promise<number> {
    return this.service.record(caller, entries);
  }

  @Mutation(() => Boolean, { description: 'Sets a rep’s quarterly target and base commission / 设置季度目标' })
  @Allow(Role.DIRECTOR, Role.ADMIN)
  async setRepQuarterTarget(@Args('input') input: RepTargetInput): Promise<boolean> {
    await this.service.setTarget(input);
    return true;
  }

  @Mutation(() => [RepScorecard], { description: 'Closes a quarter: scorecards frozen as they stand, recorded with who and when / 季度关账' })
  @Allow(Role.DIRECTOR)
  closeScorecardQuarter(@CurrentCaller() caller: Caller, @Args('quarter') quarter: string): Promise<RepScorecard[]> {
    return this.service.close(caller, quarter);
  }

  @Query(() => NewHireRampSummary, { description: 'Days from hire to first signed contract of reps hired in the last 12 months / 新人首单天数' })
  @Allow(Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR)
  newHireRamp(@CurrentCaller() caller: Caller): Promise<NewHireRampSummary> {
    return this.ramp.summary(caller);
  }
}
