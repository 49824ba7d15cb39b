import { Query, Resolver } from '@nestjs/graphql';
import { Allow, HQ_ROLES } from '@lianxiao/platform';
import { Stage } from './stage.entity';
import { StageService } from './stage.service';

@Resolver(() => Stage)
export class StageResolver {
  constructor(private readonly stageService: StageService) {}

  @Query(() => [Stage], { description: 'The pipeline stage model with its nodes / 阶段模型（七阶十六节点）' })
  @Allow(...HQ_ROLES)
  stages(): Promise<Stage[]> {
    return this.stageService.listWithNodes();
  }
}
