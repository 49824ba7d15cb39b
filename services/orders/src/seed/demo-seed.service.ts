import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';
import { Contract, ContractStatus } from '../contract';
import { RequirementTicket } from '../requirement-ticket';
import { demoRequirementTickets } from './demo-requirement-tickets';
import { demoDepartmentTasks } from './demo-department-tasks';
import { DepartmentTask } from '../department-task/department-task.entity';

const CHUNK = 100;

async function insertInChunks<T extends ObjectLiteral>(tx: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.getRepository(target).insert(rows.slice(i, i + CHUNK) as T[]);
  }
}

/** First embedded start: the demo world's contracts, ~40 requirement tickets and their department tasks. Idempotent. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('orders.seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    if ((await this.db.getRepository(Contract).count()) > 0) return;
    const world = demoWorld();
    const regionOf = new Map(world.customers.map((c) => [c.id, c.region]));
    const contracts: Partial<Contract>[] = world.contracts.map((c) => ({
      id: c.id,
      number: c.number,
      customerId: c.customerId,
      ownerId: c.ownerId,
      region: regionOf.get(c.customerId) ?? '',
      amount: c.amount,
      currency: c.currency,
      grossMargin: c.grossMargin,
      status: ContractStatus.SIGNED,
      paymentTerms: c.paymentTerms,
      firstPaymentDueDate: c.firstPaymentDueDate,
      signedAt: new Date(c.signedAt),
      createdAt: new Date(c.signedAt),
    }));
    const tickets = demoRequirementTickets(world.customers);
    const tasks = demoDepartmentTasks(tickets);
    await this.db.transaction(async (tx) => {
      await insertInChunks(tx, Contract, contracts);
      await insertInChunks(tx, RequirementTicket, tickets);
      await insertInChunks(tx, DepartmentTask, tasks);
    });
    this.logger.info({ contracts: contracts.length, requirementTickets: tickets.length, departmentTasks: tasks.length }, 'demo contracts and requirement tickets seeded');
  }
}
