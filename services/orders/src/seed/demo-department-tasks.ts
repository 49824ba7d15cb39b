import { DEMO_NOW, SeededRandom } from '@lianxiao/demo-data';
import { stableId } from '@lianxiao/platform';
import { DepartmentTask, DepartmentTaskStatus } from '../department-task/department-task.entity';
import { DEPARTMENT_SLA, dueAt } from '../department-task/sla';
import { RequirementTicket, RequirementTicketStatus } from '../requirement-ticket/requirement-ticket.entity';

const HOUR = 3_600_000;
/** Hours to first action and to done per department, as measured after the rollout (~17 h). */
const RESPONSE_HOURS = { ENGINEERING: [1, 6, 8, 26], PROCUREMENT: [2, 10, 12, 34], PRODUCTION: [2, 8, 10, 30] } as const;

/** Three tasks per submitted demo ticket; older ones done, the last few days' still open or started. */
export function demoDepartmentTasks(tickets: Partial<RequirementTicket>[]): Partial<DepartmentTask>[] {
  const r = new SeededRandom(7_2026);
  const tasks: Partial<DepartmentTask>[] = [];
  tickets
    .filter((t) => t.status === RequirementTicketStatus.SUBMITTED)
    .forEach((ticket, i) => {
      const created = ticket.createdAt!;
      for (const sla of DEPARTMENT_SLA) {
        const [firstMin, firstMax, doneMin, doneMax] = RESPONSE_HOURS[sla.department];
        const first = new Date(created.getTime() + r.int(firstMin * 60, firstMax * 60) * 60_000);
        const done = new Date(created.getTime() + r.int(doneMin * 60, doneMax * 60) * 60_000);
        const seen = first.getTime() <= DEMO_NOW;
        const finished = done.getTime() <= DEMO_NOW && DEMO_NOW - created.getTime() > 72 * HOUR;
        tasks.push({
          id: stableId('department-task', `${i}-${sla.department}`),
          ticketId: ticket.id!,
          department: sla.department,
          ownerRole: sla.ownerRole,
          region: ticket.region!,
          title: `${sla.titleZh} / ${sla.titleEn}`,
          status: finished ? DepartmentTaskStatus.DONE : seen ? DepartmentTaskStatus.IN_PROGRESS : DepartmentTaskStatus.OPEN,
          dueAt: dueAt(sla.department, ticket.urgency!, created),
          createdAt: created,
          firstActionAt: seen ? first : null,
          doneAt: finished ? done : null,
          doneBy: null,
          note: null,
          remindedAt: null,
          escalatedAt: null,
        });
      }
    });
  return tasks;
}
