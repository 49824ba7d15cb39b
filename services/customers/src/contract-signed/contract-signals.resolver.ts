import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Allow, groupByKey, HQ_ROLES, requestLoader, RequestContext } from '@lianxiao/platform';
import { Customer } from '../customer';
import { ContractSignal } from './contract-signal.entity';

/** `Customer.contractSignals`: signed contracts and whether the system moved the customer to 合同. */
@Resolver(() => Customer)
export class CustomerContractSignalsResolver {
  constructor(@InjectRepository(ContractSignal) private readonly signals: Repository<ContractSignal>) {}

  @ResolveField('contractSignals', () => [ContractSignal], { description: 'Signed contracts reported by orders and the stage move they caused (or why not) / 合同签署与阶段推进' })
  @Allow(...HQ_ROLES)
  contractSignals(@Parent() customer: Customer, @Context() ctx: RequestContext): Promise<ContractSignal[]> {
    return requestLoader<string, ContractSignal[]>(ctx, 'contract-signals-by-customer', async (ids) =>
      groupByKey(ids, await this.signals.find({ where: { customerId: In([...ids]) }, order: { signedAt: 'ASC' } }), (s) => s.customerId),
    ).load(customer.id);
  }
}
