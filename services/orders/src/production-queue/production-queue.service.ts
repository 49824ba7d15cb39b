import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Caller, ConnectionShape, pageWindow, PageArgs, toConnection } from '@lianxiao/platform';
import { applyHqScope } from '../access/hq-scope';
import { Contract, ContractStatus } from '../contract/contract.entity';
import { contractPriorityOf } from '../contract/contract.resolver';
import { rankByPriority } from './production-queue';
import { ProductionQueueItem } from './production-queue.types';

/**
 * Signed contracts ranked by capacity priority. The score is computed, not stored, so the ranking
 * is done in memory over the caller's signed contracts (hundreds, not millions: one query).
 */
@Injectable()
export class ProductionQueueService {
  constructor(@InjectRepository(Contract) private readonly contracts: Repository<Contract>) {}

  async queue(caller: Caller, page: PageArgs): Promise<ConnectionShape<ProductionQueueItem>> {
    const window = pageWindow(page, 20);
    const signed = await applyHqScope(this.contracts.createQueryBuilder('c'), 'c', caller).andWhere('c.status = :signed', { signed: ContractStatus.SIGNED }).getMany();
    const ranked = rankByPriority(signed);
    const nodes = ranked.slice(window.skip, window.skip + window.take).map((e) => ({ rank: e.rank, contract: e.contract, priority: contractPriorityOf(e.contract) }));
    return toConnection(nodes, ranked.length, window);
  }
}
