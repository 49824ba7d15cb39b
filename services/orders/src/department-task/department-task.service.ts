import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Caller, ConnectionShape, DomainError, hasRole, pageWindow, Role, toConnection } from '@lianxiao/platform';
import { DepartmentTask, DepartmentTaskStatus } from './department-task.entity';
import { DepartmentResponseTime, departmentsOf, responseTimes, slaFor } from './sla';

@Injectable()
export class DepartmentTaskService {
  constructor(@InjectRepository(DepartmentTask) private readonly tasks: Repository<DepartmentTask>) {}

  /** The caller's department inbox (director/admin: all departments), most urgent first. */
  async myTasks(caller: Caller, status: DepartmentTaskStatus | undefined, page: { first?: number; after?: string; offset?: number }, escalated = false): Promise<ConnectionShape<DepartmentTask>> {
    const window = pageWindow(page, 20);
    const qb = this.tasks.createQueryBuilder('t');
    const departments = departmentsOf(caller.roles);
    if (departments) {
      if (!departments.length) qb.andWhere('1 = 0');
      else qb.andWhere('t.department IN (:...departments)', { departments });
    }
    if (status) qb.andWhere('t.status = :status', { status });
    if (escalated) qb.andWhere('t.escalatedAt IS NOT NULL').andWhere('t.status <> :done', { done: DepartmentTaskStatus.DONE });
    const [nodes, total] = await qb.orderBy('t.dueAt', 'ASC').addOrderBy('t.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  findByTicketIds(ticketIds: readonly string[]): Promise<DepartmentTask[]> {
    if (!ticketIds.length) return Promise.resolve([]);
    return this.tasks.find({ where: { ticketId: In([...ticketIds]) }, order: { createdAt: 'ASC', department: 'ASC' } });
  }

  async start(caller: Caller, taskId: string): Promise<DepartmentTask> {
    const task = await this.ownTask(caller, taskId);
    if (task.status !== DepartmentTaskStatus.OPEN) {
      throw DomainError.conflict('任务已开始或已完成', 'The task has already been started or completed');
    }
    task.status = DepartmentTaskStatus.IN_PROGRESS;
    task.firstActionAt = new Date();
    return this.tasks.save(task);
  }

  async complete(caller: Caller, taskId: string, note: string | null | undefined): Promise<DepartmentTask> {
    const task = await this.ownTask(caller, taskId);
    if (task.status === DepartmentTaskStatus.DONE) throw DomainError.conflict('任务已完成', 'The task is already done');
    const now = new Date();
    task.status = DepartmentTaskStatus.DONE;
    task.firstActionAt = task.firstActionAt ?? now;
    task.doneAt = now;
    task.doneBy = caller.userId;
    task.note = note?.trim().slice(0, 500) || null;
    return this.tasks.save(task);
  }

  async responseTimes(): Promise<DepartmentResponseTime[]> {
    const rows = await this.tasks.find({ select: { department: true, createdAt: true, firstActionAt: true, doneAt: true } });
    return responseTimes(rows);
  }

  /** A task of the caller's department (admin: any); others' tasks answer FORBIDDEN. */
  private async ownTask(caller: Caller, taskId: string): Promise<DepartmentTask> {
    const task = await this.tasks.findOneBy({ id: taskId });
    if (!task) throw DomainError.notFound('Department task', '部门任务', taskId);
    if (!hasRole(caller, Role.ADMIN, slaFor(task.department).ownerRole)) {
      throw DomainError.forbidden("working on another department's task", '处理其他部门的任务');
    }
    return task;
  }
}
