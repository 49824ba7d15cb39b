import { Args, ArgsType, Context, Field, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, alignByKey, Caller, Connection, CurrentCaller, groupByKey, HQ_ROLES, PageArgs, requestLoader, RequestContext, Role } from '@lianxiao/platform';
import { RequirementTicket } from '../requirement-ticket/requirement-ticket.entity';
import { RequirementTicketService } from '../requirement-ticket/requirement-ticket.service';
import { DepartmentTask, DepartmentTaskStatus } from './department-task.entity';
import { DepartmentTaskService } from './department-task.service';
import { Department } from './sla';

@ObjectType()
export class DepartmentTaskConnection extends Connection(DepartmentTask) {}

@ArgsType()
export class MyTasksArgs extends PageArgs {
  @Field(() => DepartmentTaskStatus, { nullable: true }) status?: DepartmentTaskStatus;
  @Field(() => Boolean, { nullable: true, description: 'Only unfinished tasks escalated after their due time (the director’s view) / 仅超时升级' }) escalated?: boolean;
}

@ObjectType({ description: 'Cross-department response time: created → first action → done, in hours / 部门响应时间' })
export class DepartmentResponseTimeType {
  @Field(() => Department) department: Department;
  @Field(() => Float, { nullable: true }) averageFirstActionHours: number | null;
  @Field(() => Float, { nullable: true }) averageDoneHours: number | null;
  @Field(() => Int) count: number;
}

const TASK_ROLES = [Role.ENGINEER, Role.PROCUREMENT, Role.PRODUCTION, Role.DIRECTOR, Role.ADMIN];

@Resolver(() => DepartmentTask)
export class DepartmentTaskResolver {
  constructor(
    private readonly taskService: DepartmentTaskService,
    private readonly ticketService: RequirementTicketService,
  ) {}

  @Query(() => DepartmentTaskConnection, { description: "Tasks of the caller's department, earliest due first (director/admin: all) / 我的任务" })
  @Allow(...TASK_ROLES)
  myTasks(@CurrentCaller() caller: Caller, @Args() args: MyTasksArgs): Promise<DepartmentTaskConnection> {
    return this.taskService.myTasks(caller, args.status, args, args.escalated ?? false);
  }

  @Query(() => [DepartmentResponseTimeType], { description: 'Average response times per department / 跨部门响应时间' })
  @Allow(Role.DIRECTOR, Role.ADMIN, Role.SUPERVISOR, Role.ENGINEER, Role.PROCUREMENT, Role.PRODUCTION)
  departmentResponseTimes(): Promise<DepartmentResponseTimeType[]> {
    return this.taskService.responseTimes();
  }

  @Mutation(() => DepartmentTask, { description: 'Start working on a task (records the first action) / 开始处理' })
  @Allow(Role.ENGINEER, Role.PROCUREMENT, Role.PRODUCTION, Role.ADMIN)
  startTask(@CurrentCaller() caller: Caller, @Args('taskId', { type: () => ID }) taskId: string): Promise<DepartmentTask> {
    return this.taskService.start(caller, taskId);
  }

  @Mutation(() => DepartmentTask, { description: 'Complete a task with an optional note / 完成任务' })
  @Allow(Role.ENGINEER, Role.PROCUREMENT, Role.PRODUCTION, Role.ADMIN)
  completeTask(
    @CurrentCaller() caller: Caller,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<DepartmentTask> {
    return this.taskService.complete(caller, taskId, note);
  }

  @ResolveField('ticket', () => RequirementTicket, { nullable: true, description: 'The ticket (craft notes still production only)' })
  @Allow(...HQ_ROLES)
  ticket(@Parent() task: DepartmentTask, @Context() ctx: RequestContext): Promise<RequirementTicket | null> {
    return requestLoader<string, RequirementTicket | null>(ctx, 'task-ticket-by-id', async (ids) =>
      alignByKey(ids, await this.ticketService.findByIdsForCaller(ctx.caller, ids), (t) => t.id),
    ).load(task.ticketId);
  }
}

@Resolver(() => RequirementTicket)
export class TicketTasksResolver {
  constructor(private readonly taskService: DepartmentTaskService) {}

  @ResolveField('tasks', () => [DepartmentTask], { description: 'Department tasks split from this ticket / 部门任务' })
  @Allow(...HQ_ROLES)
  tasks(@Parent() ticket: RequirementTicket, @Context() ctx: RequestContext): Promise<DepartmentTask[]> {
    return requestLoader<string, DepartmentTask[]>(ctx, 'tasks-by-ticket', async (ticketIds) =>
      groupByKey(ticketIds, await this.taskService.findByTicketIds(ticketIds), (t) => t.ticketId),
    ).load(ticket.id);
  }
}
