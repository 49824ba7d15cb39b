import { Injectable, OnModuleInit } from '@nestjs/common';
import { ScheduledJobs } from '@lianxiao/platform';
import { TaskReminderService } from './task-reminder.service';

export const TASK_REMINDERS_JOB = 'orders.task-reminders';
const EVERY_MS = 5 * 60_000;

/** Runs the reminders every 5 minutes, once per cluster (scheduler lease); runs as of the real time. */
@Injectable()
export class TaskReminderSchedule implements OnModuleInit {
  constructor(
    private readonly jobs: ScheduledJobs,
    private readonly reminders: TaskReminderService,
  ) {}

  onModuleInit(): void {
    // Reminders are as of now, not the (possibly old) slot: a missed slot needs no replay.
    this.jobs.register({ name: TASK_REMINDERS_JOB, every: EVERY_MS, firstRun: 'immediately', run: async () => void (await this.reminders.run(new Date())) });
  }
}
