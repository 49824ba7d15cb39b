import { Role } from '@lianxiao/platform';
import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';

export enum Department {
  ENGINEERING = 'ENGINEERING',
  PROCUREMENT = 'PROCUREMENT',
  PRODUCTION = 'PRODUCTION',
}

const HOUR = 3_600_000;

/**
 * The SLA table: what each department does on a submitted ticket, which role owns it and how
 * many hours it has. URGENT tickets get half the time.
 */
export const DEPARTMENT_SLA: readonly { department: Department; ownerRole: Role; hours: number; titleZh: string; titleEn: string }[] = [
  { department: Department.ENGINEERING, ownerRole: Role.ENGINEER, hours: 24, titleZh: '技术评审', titleEn: 'Engineering review' },
  { department: Department.PROCUREMENT, ownerRole: Role.PROCUREMENT, hours: 48, titleZh: '物料可得性确认', titleEn: 'Material availability' },
  { department: Department.PRODUCTION, ownerRole: Role.PRODUCTION, hours: 48, titleZh: '产能评估', titleEn: 'Capacity check' },
];

export const URGENT_SLA_FACTOR = 0.5;

export function slaFor(department: Department) {
  const row = DEPARTMENT_SLA.find((s) => s.department === department);
  if (!row) throw new Error(`no SLA for ${department}`);
  return row;
}

export function slaHours(department: Department, urgency: RequirementUrgency): number {
  const hours = slaFor(department).hours;
  return urgency === RequirementUrgency.URGENT ? hours * URGENT_SLA_FACTOR : hours;
}

export function dueAt(department: Department, urgency: RequirementUrgency, createdAt: Date): Date {
  return new Date(createdAt.getTime() + slaHours(department, urgency) * HOUR);
}

/** Departments whose tasks the caller works on; null = all (director, admin). */
export function departmentsOf(roles: readonly string[]): Department[] | null {
  if (roles.includes(Role.ADMIN) || roles.includes(Role.DIRECTOR)) return null;
  return DEPARTMENT_SLA.filter((s) => roles.includes(s.ownerRole)).map((s) => s.department);
}

export interface TaskTimes {
  department: Department;
  createdAt: Date;
  firstActionAt: Date | null;
  doneAt: Date | null;
}

export interface DepartmentResponseTime {
  department: Department;
  averageFirstActionHours: number | null;
  averageDoneHours: number | null;
  count: number;
}

const avgHours = (spans: number[]): number | null =>
  spans.length ? Math.round((spans.reduce((a, b) => a + b, 0) / spans.length / HOUR) * 100) / 100 : null;

/** created → first action and created → done, averaged per department (hours, 2 decimals). */
export function responseTimes(tasks: readonly TaskTimes[]): DepartmentResponseTime[] {
  return DEPARTMENT_SLA.map(({ department }) => {
    const mine = tasks.filter((t) => t.department === department);
    return {
      department,
      averageFirstActionHours: avgHours(mine.flatMap((t) => (t.firstActionAt ? [t.firstActionAt.getTime() - t.createdAt.getTime()] : []))),
      averageDoneHours: avgHours(mine.flatMap((t) => (t.doneAt ? [t.doneAt.getTime() - t.createdAt.getTime()] : []))),
      count: mine.length,
    };
  });
}
