import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Contract, ContractPriority } from '../contract/contract.entity';

@ObjectType({ description: 'A signed contract in the capacity queue, with its rank and why / 产能排队项' })
export class ProductionQueueItem {
  @Field(() => Int, { description: '1 = produced first / 排名' }) rank: number;
  @Field(() => Contract) contract: Contract;
  @Field(() => ContractPriority, { description: 'Score and its three components (score and margin points for margin readers only) / 优先级构成' }) priority: ContractPriority;
}

@ObjectType()
export class ProductionQueueConnection extends Connection(ProductionQueueItem) {}

@ArgsType()
export class ProductionQueueArgs extends PageArgs {}

