import { Field, InputType, ObjectType } from '@nestjs/graphql';

@InputType({ description: 'A contact person of a dealer / 经销商联系人' })
export class DealerContactInput {
  @Field({ description: '1–64 characters' }) name: string;
  @Field(() => String, { nullable: true, description: 'Job title, e.g. 总经理' }) title?: string | null;
  @Field() phone: string;
  @Field(() => String, { nullable: true }) email?: string | null;
}

@InputType({ description: 'A province, or one city of it, by GB/T 2260 code / 授权区域' })
export class TerritoryInput {
  @Field({ description: 'GB/T 2260 province code, e.g. 330000' }) provinceCode: string;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 city code of that province, e.g. 330100; empty for the whole province' }) cityCode?: string | null;
}

@InputType({ description: 'Changes to a dealer; a field left out or null stays as it is. Dealer staff may send only contacts, address and phone / 修改经销商' })
export class UpdateDealerInput {
  @Field(() => String, { nullable: true, description: 'HQ only' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'A, B or C (HQ only)' }) tier?: string | null;
  @Field(() => String, { nullable: true, description: 'Sales region, e.g. 华东 (HQ only)' }) region?: string | null;
  @Field(() => String, { nullable: true, description: 'ACTIVE or SUSPENDED (HQ only)' }) status?: string | null;
  @Field(() => String, { nullable: true, description: "The dealer's main phone line" }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Empty string clears it' }) address?: string | null;
  @Field(() => [DealerContactInput], { nullable: true, description: 'Replaces all contacts; the first is the main contact' }) contacts?: DealerContactInput[] | null;
  @Field(() => [TerritoryInput], { nullable: true, description: 'Replaces all territories (HQ only)' }) territories?: TerritoryInput[] | null;
}

@InputType({ description: 'A new dealer (HQ) / 新建经销商' })
export class CreateDealerInput {
  @Field({ description: 'Unique short code, 2–16 of A-Z 0-9 -' }) code: string;
  @Field() name: string;
  @Field({ description: 'A, B or C' }) tier: string;
  @Field({ description: 'Sales region, e.g. 华东' }) region: string;
  @Field() phone: string;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true, description: 'ACTIVE (default) or SUSPENDED' }) status?: string | null;
  @Field(() => [DealerContactInput]) contacts: DealerContactInput[];
  @Field(() => [TerritoryInput]) territories: TerritoryInput[];
}

@ObjectType({ description: 'A city of the territory code table (GB/T 2260)' })
export class TerritoryCity {
  @Field() code: string;
  @Field() name: string;
}

@ObjectType({ description: 'A province of the territory code table (GB/T 2260) with its sales region and cities' })
export class TerritoryProvince {
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'Sales region, e.g. 华东' }) region: string;
  @Field(() => [TerritoryCity]) cities: TerritoryCity[];
}
