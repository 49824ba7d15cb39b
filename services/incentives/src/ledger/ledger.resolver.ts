import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Allow, Authenticated, ConnectionShape, PageArgs, pageWindow, Role, toConnection } from '@lianxiao/platform';
import { ContractScore } from './contract-score.entity';
import { ContractScoreConnection } from './ledger.dto';
import { PointsEarnRule } from './points-earn-rule.entity';

@Resolver()
export class LedgerResolver {
  constructor(
    @InjectRepository(ContractScore) private readonly scores: Repository<ContractScore>,
    @InjectRepository(PointsEarnRule) private readonly rules: Repository<PointsEarnRule>,
  ) {}

  @Query(() => ContractScoreConnection, { description: 'Signed contracts on the scorecard, newest first / 合同业绩' })
  @Allow(Role.DIRECTOR, Role.ADMIN, Role.FINANCE)
  async contractScores(@Args() page: PageArgs): Promise<ConnectionShape<ContractScore>> {
    const window = pageWindow(page, 20);
    const [nodes, total] = await this.scores.findAndCount({ order: { signedAt: 'DESC', id: 'ASC' }, skip: window.skip, take: window.take });
    return toConnection(nodes, total, window);
  }

  @Query(() => [PointsEarnRule], { description: 'How dealers earn points / 积分规则' })
  @Authenticated()
  pointsEarnRules(): Promise<PointsEarnRule[]> {
    return this.rules.find({ order: { code: 'ASC' } });
  }
}
