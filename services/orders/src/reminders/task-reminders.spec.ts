import { DepartmentTaskStatus } from '../department-task/department-task.entity';
import { dueReminders, reminderStateOf, ReminderState, ReminderTask, remindAt } from './task-reminders';

const HOUR = 3_600_000;
const t0 = new Date('2026-11-02T08:00:00Z');
const at = (h: number) => new Date(t0.getTime() + h * HOUR);
const task = (id: string, slaHours: number, over: Partial<ReminderTask> = {}): ReminderTask => ({
  id, status: DepartmentTaskStatus.OPEN, createdAt: t0, dueAt: at(slaHours), remindedAt: null, escalatedAt: null, ...over,
});

describe('department task reminders', () => {
  it('reminds when a quarter of the SLA is left: 6 h before a 24 h task, 12 h before a 48 h one', () => {
    expect(remindAt(task('e', 24)).toISOString()).toBe(at(18).toISOString());
    expect(remindAt(task('p', 48)).toISOString()).toBe(at(36).toISOString());
    expect(dueReminders([task('e', 24), task('p', 48)], at(17.9))).toEqual({ remind: [], escalate: [] });
    expect(dueReminders([task('e', 24), task('p', 48)], at(18))).toEqual({ remind: ['e'], escalate: [] });
    expect(dueReminders([task('e', 24), task('p', 48)], at(40))).toEqual({ remind: ['p'], escalate: ['e'] });
  });

  it('escalates once after the due time, and never a done task', () => {
    const tasks = [task('late', 24, { remindedAt: at(18) }), task('done', 24, { status: DepartmentTaskStatus.DONE }), task('escalated', 24, { escalatedAt: at(25) })];
    expect(dueReminders(tasks, at(24))).toEqual({ remind: [], escalate: ['late'] });
    expect(dueReminders(tasks, at(30))).toEqual({ remind: [], escalate: ['late'] });
  });

  it('does not send a "due soon" reminder for a task that is already overdue', () => {
    expect(dueReminders([task('x', 24)], at(26))).toEqual({ remind: [], escalate: ['x'] });
  });

  it('shows escalated over reminded on the to-do, and nothing on a done task', () => {
    expect(reminderStateOf(task('a', 24))).toBe(ReminderState.NONE);
    expect(reminderStateOf(task('a', 24, { remindedAt: at(18) }))).toBe(ReminderState.REMINDED);
    expect(reminderStateOf(task('a', 24, { remindedAt: at(18), escalatedAt: at(25) }))).toBe(ReminderState.ESCALATED);
    expect(reminderStateOf(task('a', 24, { status: DepartmentTaskStatus.DONE, escalatedAt: at(25) }))).toBe(ReminderState.NONE);
  });
});
