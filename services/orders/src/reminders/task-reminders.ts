import { DepartmentTaskStatus } from '../department-task/department-task.entity';

/**
 * When a department task's owner is reminded: once a quarter of the SLA is left (engineering's
 * 24 h task 6 h before due, a 48 h task 12 h before). After the due time an unfinished task is
 * escalated to the director once.
 */
export const REMIND_WHEN_LEFT = 0.25;

export enum ReminderState {
  NONE = 'NONE',
  REMINDED = 'REMINDED',
  ESCALATED = 'ESCALATED',
}

export interface ReminderTask {
  id: string;
  status: DepartmentTaskStatus;
  createdAt: Date;
  dueAt: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

export interface DueReminders {
  /** Tasks whose owner gets the "due soon" reminder now. */
  remind: string[];
  /** Overdue tasks escalated now. */
  escalate: string[];
}

export function remindAt(task: Pick<ReminderTask, 'createdAt' | 'dueAt'>): Date {
  const sla = task.dueAt.getTime() - task.createdAt.getTime();
  return new Date(task.dueAt.getTime() - Math.max(0, sla) * REMIND_WHEN_LEFT);
}

/** Which reminders and escalations are due at `at` (pure: the caller records them). */
export function dueReminders(tasks: readonly ReminderTask[], at: Date): DueReminders {
  const now = at.getTime();
  const remind: string[] = [];
  const escalate: string[] = [];
  for (const t of tasks) {
    if (t.status === DepartmentTaskStatus.DONE) continue;
    if (now >= t.dueAt.getTime()) {
      if (!t.escalatedAt) escalate.push(t.id);
    } else if (now >= remindAt(t).getTime() && !t.remindedAt) {
      remind.push(t.id);
    }
  }
  return { remind, escalate };
}

/** What the owner's to-do shows: escalated beats reminded; a done task shows neither. */
export function reminderStateOf(task: Pick<ReminderTask, 'status' | 'remindedAt' | 'escalatedAt'>): ReminderState {
  if (task.status === DepartmentTaskStatus.DONE) return ReminderState.NONE;
  if (task.escalatedAt) return ReminderState.ESCALATED;
  if (task.remindedAt) return ReminderState.REMINDED;
  return ReminderState.NONE;
}
