import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Caller, CurrentCaller, Role } from '@lianxiao/platform';
import { PROVINCES } from '@lianxiao/demo-data';
import { Dealer } from './dealer.entity';
import { CreateDealerInput, TerritoryProvince, UpdateDealerInput } from './dealer-edit.dto';
import { DealerEditService } from './dealer-edit.service';

@Resolver(() => Dealer)
export class DealerEditResolver {
  constructor(private readonly edits: DealerEditService) {}

  @Mutation(() => Dealer, { description: 'HQ (admin, director) adds a dealer with a unique code / 新建经销商' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  createDealer(@Args('input') input: CreateDealerInput): Promise<Dealer> {
    return this.edits.create(input);
  }

  @Mutation(() => Dealer, {
    description: "HQ edits any dealer; a dealer's own staff edit their contacts, address and phone only / 修改经销商资料",
  })
  @Allow(Role.ADMIN, Role.DIRECTOR, Role.DEALER)
  updateDealer(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateDealerInput): Promise<Dealer> {
    return this.edits.update(caller, id, input);
  }

  @Query(() => [TerritoryProvince], { description: 'The GB/T 2260 provinces and cities territories are chosen from (the 窜货 check uses the same table) / 授权区域代码表' })
  @Authenticated()
  territoryProvinces(): TerritoryProvince[] {
    return PROVINCES.map((p) => ({ code: p.code, name: p.name, region: p.region, cities: p.cities.map((c) => ({ ...c })) }));
  }
}
