import { Inject } from '@nestjs/common';
import { Args, Field, Int, Mutation, ObjectType, Parent, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, assertTestHooksEnabled, Authenticated, Role, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { DepartmentTask } from '../department-task/department-task.entity';
import { TaskReminderService } from './task-reminder.service';
import { reminderStateOf, ReminderState } from './task-reminders';

registerEnumType(ReminderState, { name: 'TaskReminderState', description: 'NONE 无 / REMINDED 已提醒（即将到期）/ ESCALATED 已超时升级' });

@ObjectType({ description: 'One run of the task reminders / 任务提醒执行结果' })
export class TaskReminderRun {
  @Field() at: Date;
  @Field(() => Int) reminded: number;
  @Field(() => Int) escalated: number;
}

@Resolver(() => DepartmentTask)
export class TaskReminderResolver {
  constructor(
    private readonly reminders: TaskReminderService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Mutation(() => TaskReminderRun, {
    description: 'Run the due-soon reminders and overdue escalations now (the scheduler runs it every few minutes); `at` (clock control) is a test hook, refused unless LIANXIAO_TEST_HOOKS / the embedded demo / 执行任务提醒',
  })
  @Allow(Role.ADMIN)
  async runTaskReminders(@Args('at', { type: () => Date, nullable: true }) at?: Date | null): Promise<TaskReminderRun> {
    if (at) assertTestHooksEnabled(this.config, { zh: '指定时间执行任务提醒', en: 'Running the task reminders as of a chosen time' });
    return this.reminders.run(at ?? new Date());
  }

  @ResolveField('reminderState', () => ReminderState, { description: 'Reminder / escalation state of the to-do / 提醒状态' })
  @Authenticated()
  reminderState(@Parent() task: DepartmentTask): ReminderState {
    return reminderStateOf(task);
  }
}
