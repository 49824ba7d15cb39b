import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Caller, CurrentCaller, groupByKey, HQ_ROLES, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { Customer } from '../customer';
import { Stage, StageService } from '../stage';
import { Clock, CLOCK } from './file-storage';
import { Evidence, FollowUp, FollowUpVersion, NextStepRecommendation, NodeCompletion, StageMoveTarget, StageTransition } from './pipeline.entities';
import { AddEvidenceInput, AddFollowUpInput, EditFollowUpInput } from './pipeline.dto';
import { moveConditions, PipelineService } from './pipeline.service';
import { FollowUpService } from './follow-up.service';
import { recommendNextStep } from './next-step';

const SALES_ROLES = [Role.REP, Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN];
const MAX_FOLLOW_UPS = 100;

@Resolver(() => Customer)
export class CustomerPipelineResolver {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly followUpService: FollowUpService,
    private readonly stageService: StageService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => Customer, { description: 'Moves a customer to another stage after checking the stage conditions / 推进或回退阶段' })
  @Allow(...SALES_ROLES)
  moveStage(@CurrentCaller() caller: Caller, @Args('customerId', { type: () => ID }) customerId: string, @Args('toStage') toStage: string): Promise<Customer> {
    return this.pipeline.moveStage(caller, customerId, toStage);
  }

  @Mutation(() => NodeCompletion, { description: 'Marks a node of the stage model done for a customer / 完成节点' })
  @Allow(...SALES_ROLES)
  completeNode(@CurrentCaller() caller: Caller, @Args('customerId', { type: () => ID }) customerId: string, @Args('nodeCode') nodeCode: string): Promise<NodeCompletion> {
    return this.pipeline.completeNode(caller, customerId, nodeCode);
  }

  @Mutation(() => Evidence, { description: 'Attaches a file (JPEG, PNG, PDF ≤ 10 MB) as stage evidence / 上传阶段佐证' })
  @Allow(...SALES_ROLES)
  addEvidence(@CurrentCaller() caller: Caller, @Args('customerId', { type: () => ID }) customerId: string, @Args('input') input: AddEvidenceInput): Promise<Evidence> {
    return this.pipeline.addEvidence(caller, customerId, input);
  }

  @Mutation(() => FollowUp, { description: 'Records a follow-up / 新增跟进记录' })
  @Allow(...SALES_ROLES)
  addFollowUp(@CurrentCaller() caller: Caller, @Args('customerId', { type: () => ID }) customerId: string, @Args('input') input: AddFollowUpInput): Promise<FollowUp> {
    return this.followUpService.add(caller, customerId, input);
  }

  @Mutation(() => FollowUp, { description: 'Edits a follow-up; the previous version is kept / 修改跟进记录（保留历史）' })
  @Allow(...SALES_ROLES)
  editFollowUp(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string, @Args('input') input: EditFollowUpInput): Promise<FollowUp> {
    return this.followUpService.edit(caller, id, input);
  }

  @ResolveField(() => [FollowUp], { description: 'Follow-ups, newest first' })
  @Allow(...HQ_ROLES)
  followUps(@Parent() customer: Customer, @Context() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<FollowUp[]> {
    const take = Math.max(0, Math.min(first, MAX_FOLLOW_UPS));
    return this.followUpsOf(ctx, customer.id).then((rows) => rows.slice(0, take));
  }

  @ResolveField(() => [StageTransition], { description: 'Stage moves, oldest first' })
  @Allow(...HQ_ROLES)
  stageTransitions(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<StageTransition[]> {
    return requestLoader<string, StageTransition[]>(ctx, 'transitions-by-customer', async (ids) =>
      groupByKey(ids, await this.pipeline.transitionsOf(ids), (t) => t.customerId),
    ).load(customer.id);
  }

  @ResolveField(() => [Evidence], { description: 'Evidence files, oldest first' })
  @Allow(...HQ_ROLES)
  evidence(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<Evidence[]> {
    return this.evidenceOf(ctx, customer.id);
  }

  @ResolveField(() => [NodeCompletion], { description: 'Nodes marked done' })
  @Allow(...HQ_ROLES)
  completedNodes(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<NodeCompletion[]> {
    return this.completionsOf(ctx, customer.id);
  }

  @ResolveField(() => [StageMoveTarget], {
    description: 'Forward moves open to the customer and what each still lacks, under the stage-model version it entered its stage under (what moveStage checks) / 可推进阶段及所缺条件',
  })
  @Allow(...HQ_ROLES)
  async stageMoveTargets(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<StageMoveTarget[]> {
    const [stages, completions, evidence] = await Promise.all([this.stageModelOf(ctx, customer), this.completionsOf(ctx, customer.id), this.evidenceOf(ctx, customer.id)]);
    return this.pipeline.moveTargetsFromFacts(customer, stages, completions, evidence).map(({ stage, missing }) => ({
      stageCode: stage.code, nameZh: stage.nameZh, nameEn: stage.nameEn, optional: stage.optional, missing,
    }));
  }

  @ResolveField(() => NextStepRecommendation, { description: 'The proposed next step / 下一步建议' })
  @Allow(...HQ_ROLES)
  async nextStep(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<NextStepRecommendation> {
    const [stages, completions, evidence, followUps] = await Promise.all([
      this.stageModelOf(ctx, customer),
      this.completionsOf(ctx, customer.id),
      this.evidenceOf(ctx, customer.id),
      this.followUpsOf(ctx, customer.id),
    ]);
    const from = stages.find((s) => s.code === customer.stage);
    const next = from ? stages.find((s) => s.order === from.order + 1) ?? null : null;
    const missing = from && next
      ? this.pipeline.missingFromFacts(customer, moveConditions(from, next), completions, evidence, stages)
      : [];
    return recommendNextStep(
      {
        stage: customer.stage,
        node: customer.node,
        completedNodes: new Set(completions.map((c) => c.nodeCode)),
        lastFollowUpAt: followUps[0] ? new Date(followUps[0].createdAt) : null,
        lastInteractionAt: new Date(customer.lastInteractionAt),
        nextActionDate: customer.nextActionDate,
        nextStage: next ? { code: next.code, nameZh: next.nameZh, nameEn: next.nameEn } : null,
        missingForNextStage: missing,
      },
      this.clock.now(),
    );
  }

  private followUpsOf(ctx: RequestContext, customerId: string): Promise<FollowUp[]> {
    return requestLoader<string, FollowUp[]>(ctx, 'follow-ups-by-customer', async (ids) =>
      groupByKey(ids, await this.followUpService.ofCustomers(ids), (f) => f.customerId),
    ).load(customerId);
  }

  private evidenceOf(ctx: RequestContext, customerId: string): Promise<Evidence[]> {
    return requestLoader<string, Evidence[]>(ctx, 'evidence-by-customer', async (ids) =>
      groupByKey(ids, await this.pipeline.evidenceOf(ids), (e) => e.customerId),
    ).load(customerId);
  }

  private completionsOf(ctx: RequestContext, customerId: string): Promise<NodeCompletion[]> {
    return requestLoader<string, NodeCompletion[]>(ctx, 'completions-by-customer', async (ids) =>
      groupByKey(ids, await this.pipeline.completionsOf(ids), (c) => c.customerId),
    ).load(customerId);
  }

  /** The stage model version the customer entered its current stage under (its move conditions). */
  private stageModelOf(ctx: RequestContext, customer: Customer): Promise<Stage[]> {
    return requestLoader<string, Stage[]>(ctx, 'stage-model-by-entered-at', (keys) => this.stageService.listWithNodesAsOf(keys)).load(
      new Date(customer.stageEnteredAt).toISOString(),
    );
  }
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  constructor(private readonly followUpService: FollowUpService) {}

  @ResolveField(() => [FollowUpVersion], { description: 'Every version, oldest first; the last is the current one' })
  @Allow(...HQ_ROLES)
  versions(@Parent() followUp: FollowUp, @Context() ctx: RequestContext): Promise<FollowUpVersion[]> {
    return requestLoader<string, FollowUpVersion[]>(ctx, 'follow-up-versions', async (ids) =>
      groupByKey(ids, await this.followUpService.versionsOf(ids), (v) => v.followUpId),
    ).load(followUp.id);
  }
}
