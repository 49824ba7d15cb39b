import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Caller, ConnectionShape, DomainError, pageWindow, toConnection } from '@lianxiao/platform';
import { applyHqScope } from '../access/hq-scope';
import { Contract } from './contract.entity';
import { ContractListArgs } from './contract.dto';

@Injectable()
export class ContractService {
  constructor(@InjectRepository(Contract) private readonly contracts: Repository<Contract>) {}

  /** Newest first, narrowed to the caller's scope (own / region / all). */
  async list(caller: Caller, args: ContractListArgs): Promise<ConnectionShape<Contract>> {
    const window = pageWindow(args, 20);
    const qb = applyHqScope(this.contracts.createQueryBuilder('c'), 'c', caller);
    if (args.customerId) qb.andWhere('c.customerId = :customerId', { customerId: args.customerId });
    const [nodes, total] = await qb.orderBy('c.number', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** One contract; out of scope answers NOT_FOUND so ids of others' contracts reveal nothing. */
  async findForCaller(caller: Caller, id: string): Promise<Contract> {
    const [contract] = await this.findByIdsForCaller(caller, [id]);
    if (!contract) throw DomainError.notFound('Contract', '合同', id);
    return contract;
  }

  /** Batched lookup for federation references: one query for any number of ids. */
  findByIdsForCaller(caller: Caller | null, ids: readonly string[]): Promise<Contract[]> {
    if (!ids.length) return Promise.resolve([]);
    return applyHqScope(this.contracts.createQueryBuilder('c'), 'c', caller).andWhere('c.id IN (:...ids)', { ids: [...ids] }).getMany();
  }

  /** Contracts of many customers in one query (Customer.contracts for a page of customers). */
  findByCustomerIdsForCaller(caller: Caller | null, customerIds: readonly string[]): Promise<Contract[]> {
    if (!customerIds.length) return Promise.resolve([]);
    return applyHqScope(this.contracts.createQueryBuilder('c'), 'c', caller)
      .andWhere('c.customerId IN (:...customerIds)', { customerIds: [...customerIds] })
      .orderBy('c.number', 'ASC')
      .getMany();
  }
}
