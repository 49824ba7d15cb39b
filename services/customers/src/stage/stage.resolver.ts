import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Customer } from '../customer/customer.entity';
import { Stage } from './stage.entity';
import { StageService } from './stage.service';
import { StageModelVersion, StageVersionStage } from './stage-model-version.entity';
import { UpdateStageConditionsInput } from './stage-model.dto';
import { conditionsOf } from './stage-conditions';

@Resolver(() => Stage)
export class StageResolver {
  constructor(private readonly stageService: StageService) {}

  @Query(() => [Stage], { description: 'The pipeline stage model with its nodes / 阶段模型（七阶十六节点）' })
  @Allow(...HQ_ROLES)
  stages(): Promise<Stage[]> {
    return this.stageService.listWithNodes();
  }

  @Query(() => [StageModelVersion], { description: 'Versions of the stage model, newest first / 阶段模型版本' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  stageModelVersions(): Promise<StageModelVersion[]> {
    return this.stageService.listVersions();
  }

  @Mutation(() => StageModelVersion, { description: 'Admin: change entry/exit conditions of a stage; publishes a new model version. Customers already in a stage keep their version / 修改阶段条件' })
  @Allow(Role.ADMIN)
  updateStageConditions(@CurrentCaller() caller: Caller, @Args('input') input: UpdateStageConditionsInput): Promise<StageModelVersion> {
    return this.stageService.updateConditions(caller, input);
  }
}

@Resolver(() => StageModelVersion)
export class StageModelVersionResolver {
  @ResolveField(() => [StageVersionStage], { description: 'The stages with their conditions in this version' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  stages(@Parent() version: StageModelVersion): StageVersionStage[] {
    return version.stages.map((s) => ({
      code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, order: s.order, optional: s.optional,
      entryConditions: conditionsOf(s.entryConditions), exitConditions: conditionsOf(s.exitConditions),
      nodeCodes: s.nodes.map((n) => n.code),
    }));
  }
}

@Resolver(() => Customer)
export class CustomerStageModelResolver {
  constructor(private readonly stageService: StageService) {}

  @ResolveField(() => Int, { description: 'Stage-model version the customer entered its current stage under (its move conditions) / 适用的阶段模型版本' })
  @Allow(...HQ_ROLES)
  stageModelVersion(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<number> {
    return requestLoader<string, number>(ctx, 'stage-model-version-by-entered-at', async (keys) => this.stageService.versionNumbersFor(keys)).load(
      new Date(customer.stageEnteredAt).toISOString(),
    );
  }
}
