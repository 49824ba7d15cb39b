import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager, ObjectLiteral, EntityTarget } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';
import { Contract, ContractStatus } from '../contract';
import { RequirementTicket } from '../requirement-ticket';
import { demoRequirementTickets } from './demo-requirement-tickets';
import { demoDepartmentTasks } from './demo-department-tasks';
import { DepartmentTask } from '../department-task/department-task.entity';
import { seedDemoFinance } from '../finance/demo-finance-seed';
import { CustomerRecord } from '../customer-ref/customer-record.entity';

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
    await this.seedCustomerRecords();
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
      await seedDemoFinance(tx, world);
    });
    this.logger.info({ contracts: contracts.length, requirementTickets: tickets.length, departmentTasks: tasks.length }, 'demo contracts and requirement tickets seeded');
  }

  /**
   * The customer read model straight from the deterministic demo world (the customers service
   * seeds the same customers, so no event is needed for them).
   */
  private async seedCustomerRecords(): Promise<void> {
    if ((await this.db.getRepository(CustomerRecord).count()) > 0) return;
    const now = new Date();
    const rows: Partial<CustomerRecord>[] = demoWorld().customers.map((c) => ({
      id: c.id, name: c.name, creditCode: c.creditCode, region: c.region, ownerId: c.ownerId, sourceUpdatedAt: new Date(c.createdAt), receivedAt: now,
    }));
    await this.db.transaction((tx) => insertInChunks(tx, CustomerRecord, rows));
    this.logger.info({ customerRecords: rows.length }, 'demo customer records seeded');
  }
}
