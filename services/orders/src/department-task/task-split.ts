import { EntityManager, In, Not } from 'typeorm';
import { newId } from '@lianxiao/platform';
import type { RequirementTicket } from '../requirement-ticket/requirement-ticket.entity';
import { DepartmentTask, DepartmentTaskStatus } from './department-task.entity';
import { DEPARTMENT_SLA, Department, dueAt } from './sla';

/**
 * Splits a submitted ticket into one task per department (engineering review, material
 * availability, capacity), inside the caller's transaction. A resubmission only adds tasks for
 * departments that have none still open, so nobody gets a duplicate.
 */
export async function splitIntoDepartmentTasks(tx: EntityManager, ticket: RequirementTicket, at = new Date()): Promise<DepartmentTask[]> {
  // Whole seconds: MariaDB keeps dueAt to the second, so due − created stays exactly the SLA.
  const now = new Date(Math.floor(at.getTime() / 1000) * 1000);
  const open = await tx.getRepository(DepartmentTask).find({
    select: { department: true },
    where: { ticketId: ticket.id, status: Not(DepartmentTaskStatus.DONE) },
  });
  const busy = new Set(open.map((t) => t.department));
  const tasks = DEPARTMENT_SLA.filter((s) => !busy.has(s.department)).map((s) =>
    tx.getRepository(DepartmentTask).create({
      id: newId(),
      ticketId: ticket.id,
      department: s.department,
      ownerRole: s.ownerRole,
      region: ticket.region,
      title: `${s.titleZh} / ${s.titleEn}`,
      status: DepartmentTaskStatus.OPEN,
      dueAt: dueAt(s.department, ticket.urgency, now),
      createdAt: now,
      firstActionAt: null,
      doneAt: null,
      doneBy: null,
      note: null,
      remindedAt: null,
      escalatedAt: null,
    }),
  );
  if (tasks.length) await tx.getRepository(DepartmentTask).insert(tasks);
  return tasks;
}

/**
 * Records an engineering action (comment, approval, change request) on the ticket's open
 * engineering task: first action now if none yet; `done` closes it.
 */
export async function recordEngineeringAction(tx: EntityManager, ticketId: string, userId: string, done: boolean, note: string | null, now = new Date()): Promise<void> {
  const repo = tx.getRepository(DepartmentTask);
  const tasks = await repo.find({ where: { ticketId, department: Department.ENGINEERING, status: In([DepartmentTaskStatus.OPEN, DepartmentTaskStatus.IN_PROGRESS]) } });
  for (const task of tasks) {
    task.firstActionAt = task.firstActionAt ?? now;
    task.status = done ? DepartmentTaskStatus.DONE : DepartmentTaskStatus.IN_PROGRESS;
    if (done) {
      task.doneAt = now;
      task.doneBy = userId;
      task.note = note?.slice(0, 500) ?? task.note;
    }
    await repo.save(task);
  }
}
