import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { alignByKey, Caller, ConnectionShape, dataScopeOf, DomainError, pageWindow, toConnection } from '@lianxiao/platform';
import { Dealer } from './dealer.entity';
import { DealerListArgs } from './dealer.dto';

@Injectable()
export class DealerService {
  constructor(@InjectRepository(Dealer) private readonly dealers: Repository<Dealer>) {}

  /** Dealers the caller may see: all for HQ, only their own for dealer staff. */
  async list(caller: Caller, args: DealerListArgs): Promise<ConnectionShape<Dealer>> {
    const window = pageWindow(args, 20);
    const scope = dataScopeOf(caller);
    const qb = this.dealers.createQueryBuilder('d');
    if (scope.kind === 'dealer') qb.andWhere('d.id = :own', { own: scope.dealerId });
    else if (scope.kind === 'none') qb.andWhere('1 = 0');
    if (args.region) qb.andWhere('d.region = :region', { region: args.region });
    if (args.status) qb.andWhere('d.status = :status', { status: args.status });
    if (args.search) {
      const like = `%${args.search.trim()}%`;
      qb.andWhere(new Brackets((w) => w.where('d.code LIKE :like', { like }).orWhere('d.name LIKE :like', { like })));
    }
    // Page over dealers alone (a joined page would count territories), then load their territories.
    const [page, total] = await qb.orderBy('d.code', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    const withTerritories = alignByKey(page.map((d) => d.id), await this.findByIds(page.map((d) => d.id)), (d) => d.id);
    return toConnection(withTerritories.filter((d): d is Dealer => d !== null), total, window);
  }

  /** One dealer; another dealer's id answers FORBIDDEN for dealer staff, never the data. */
  async findForCaller(caller: Caller, id: string): Promise<Dealer> {
    const scope = dataScopeOf(caller);
    if (scope.kind === 'dealer' && scope.dealerId !== id) {
      throw DomainError.forbidden("another dealer's profile", '查看其他经销商的资料');
    }
    return this.findOneOrFail(id);
  }

  /** One dealer with its contacts and territories, whoever asks (callers check scope first). */
  async findOneOrFail(id: string): Promise<Dealer> {
    const [dealer] = await this.findByIds([id]);
    if (!dealer) throw DomainError.notFound('Dealer', '经销商', id);
    return dealer;
  }

  /** Batched lookup for federation references: one query for any number of ids; contacts main first. */
  async findByIds(ids: readonly string[]): Promise<Dealer[]> {
    const dealers = await this.dealers.find({ where: { id: In([...ids]) }, relations: { territories: true, contacts: true } });
    for (const d of dealers) d.contacts.sort((a, b) => a.position - b.position);
    return dealers;
  }
}
