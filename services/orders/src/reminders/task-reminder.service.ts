import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { createLogger } from '@lianxiao/platform';
import { DepartmentTask, DepartmentTaskStatus } from '../department-task/department-task.entity';
import { DEPARTMENT_SLA } from '../department-task/sla';
import { dueReminders, REMIND_WHEN_LEFT } from './task-reminders';

const HOUR = 3_600_000;
/** No task is reminded earlier than this before its due time (the longest SLA's quarter). */
const LONGEST_LEAD_MS = Math.max(...DEPARTMENT_SLA.map((s) => s.hours)) * HOUR * REMIND_WHEN_LEFT;

export interface TaskReminderRunResult {
  at: Date;
  reminded: number;
  escalated: number;
}

/**
 * Records due reminders and escalations on the tasks themselves (remindedAt / escalatedAt), so the
 * owner's to-do list shows them and a second run — on another replica or after a restart —
 * changes nothing: every update is conditional on the column still being empty.
 */
@Injectable()
export class TaskReminderService {
  private readonly log = createLogger('orders.task-reminders');

  constructor(@InjectRepository(DepartmentTask) private readonly tasks: Repository<DepartmentTask>) {}

  async run(at: Date = new Date()): Promise<TaskReminderRunResult> {
    const candidates = await this.tasks.find({
      where: [
        { status: Not(DepartmentTaskStatus.DONE), escalatedAt: IsNull(), dueAt: LessThanOrEqual(new Date(at.getTime() + LONGEST_LEAD_MS)) },
      ],
    });
    const due = dueReminders(candidates, at);
    let reminded = 0;
    let escalated = 0;
    if (due.remind.length) {
      reminded = (await this.tasks.update({ id: In(due.remind), remindedAt: IsNull(), status: Not(DepartmentTaskStatus.DONE) }, { remindedAt: at })).affected ?? 0;
    }
    if (due.escalate.length) {
      escalated = (await this.tasks.update({ id: In(due.escalate), escalatedAt: IsNull(), status: Not(DepartmentTaskStatus.DONE) }, { escalatedAt: at })).affected ?? 0;
    }
    const byId = new Map(candidates.map((t) => [t.id, t]));
    for (const t of due.remind.flatMap((id) => byId.get(id) ?? [])) {
      const id = t.id;
      this.log.info({ taskId: id, ticketId: t.ticketId, ownerRole: t.ownerRole, region: t.region, dueAt: t.dueAt }, 'task due soon: owner reminded');
    }
    for (const t of due.escalate.flatMap((id) => byId.get(id) ?? [])) {
      const id = t.id;
      this.log.warn({ taskId: id, ticketId: t.ticketId, ownerRole: t.ownerRole, region: t.region, dueAt: t.dueAt }, 'task overdue: escalated to the director');
    }
    return { at, reminded, escalated };
  }
}
