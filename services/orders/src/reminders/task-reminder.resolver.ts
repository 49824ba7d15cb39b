import { Args, Field, Int, Mutation, ObjectType, Parent, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Role } from '@lianxiao/platform';
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
  constructor(private readonly reminders: TaskReminderService) {}

  @Mutation(() => TaskReminderRun, { description: 'Run the due-soon reminders and overdue escalations as of `at` (default now); the scheduler runs it every few minutes / 执行任务提醒' })
  @Allow(Role.ADMIN)
  runTaskReminders(@Args('at', { type: () => Date, nullable: true }) at?: Date | null): Promise<TaskReminderRun> {
    return this.reminders.run(at ?? new Date());
  }

  @ResolveField('reminderState', () => ReminderState, { description: 'Reminder / escalation state of the to-do / 提醒状态' })
  @Authenticated()
  reminderState(@Parent() task: DepartmentTask): ReminderState {
    return reminderStateOf(task);
  }
}
