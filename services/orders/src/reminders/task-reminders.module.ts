import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentTask } from '../department-task/department-task.entity';
import { TaskReminderResolver } from './task-reminder.resolver';
import { TaskReminderService } from './task-reminder.service';
import { TaskReminderSchedule } from './task-reminder.schedule';

/** Due-soon reminders and overdue escalations of department tasks. */
@Module({
  imports: [TypeOrmModule.forFeature([DepartmentTask])],
  providers: [TaskReminderService, TaskReminderResolver, TaskReminderSchedule],
  exports: [TaskReminderService],
})
export class TaskRemindersModule {}
