import { Role } from '@lianxiao/platform';
import { RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';
import { Department, departmentsOf, dueAt, responseTimes, slaHours } from './sla';

const HOUR = 3_600_000;
const t0 = new Date('2026-11-02T08:00:00Z');

describe('department SLA', () => {
  it('gives engineering 24 h and procurement and production 48 h', () => {
    expect(slaHours(Department.ENGINEERING, RequirementUrgency.NORMAL)).toBe(24);
    expect(slaHours(Department.PROCUREMENT, RequirementUrgency.HIGH)).toBe(48);
    expect(slaHours(Department.PRODUCTION, RequirementUrgency.LOW)).toBe(48);
    expect(dueAt(Department.ENGINEERING, RequirementUrgency.NORMAL, t0).toISOString()).toBe('2026-11-03T08:00:00.000Z');
  });

  it('halves every due time for an URGENT ticket', () => {
    expect(slaHours(Department.ENGINEERING, RequirementUrgency.URGENT)).toBe(12);
    expect(dueAt(Department.PRODUCTION, RequirementUrgency.URGENT, t0).toISOString()).toBe('2026-11-03T08:00:00.000Z');
  });

  it('routes tasks to the department roles; director and admin see all', () => {
    expect(departmentsOf([Role.ENGINEER])).toEqual([Department.ENGINEERING]);
    expect(departmentsOf([Role.PROCUREMENT, Role.PRODUCTION])).toEqual([Department.PROCUREMENT, Department.PRODUCTION]);
    expect(departmentsOf([Role.DIRECTOR])).toBeNull();
    expect(departmentsOf([Role.ADMIN])).toBeNull();
    expect(departmentsOf([Role.REP])).toEqual([]);
  });

  it('averages created → first action and created → done per department', () => {
    const at = (h: number) => new Date(t0.getTime() + h * HOUR);
    const times = responseTimes([
      { department: Department.ENGINEERING, createdAt: t0, firstActionAt: at(2), doneAt: at(10) },
      { department: Department.ENGINEERING, createdAt: t0, firstActionAt: at(4), doneAt: null },
      { department: Department.PRODUCTION, createdAt: t0, firstActionAt: null, doneAt: null },
    ]);
    expect(times).toEqual([
      { department: Department.ENGINEERING, averageFirstActionHours: 3, averageDoneHours: 10, count: 2 },
      { department: Department.PROCUREMENT, averageFirstActionHours: null, averageDoneHours: null, count: 0 },
      { department: Department.PRODUCTION, averageFirstActionHours: null, averageDoneHours: null, count: 1 },
    ]);
  });
});
