import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { Customer } from './customer.entity';
import type { ContactFieldsInput, CustomerFieldsInput } from './customer-input-rules';

@ObjectType()
export class CustomerConnection extends Connection(Customer) {}

/** Orders a customer list may be sorted by. */
export const CUSTOMER_SORTS = ['lastInteractionAt', 'name', 'nextActionDate'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

@ArgsType()
export class CustomerListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Name contains, pinyin initials (szhh), credit code prefix or phone digits' }) search?: string;
  @Field(() => String, { nullable: true, description: 'Stage code, e.g. SAMPLING' }) stage?: string;
  @Field(() => String, { nullable: true }) region?: string;
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field(() => String, { nullable: true }) industry?: string;
  @Field(() => String, { nullable: true, description: "'lastInteractionAt' (default, newest first), 'name' or 'nextActionDate' (soonest first)" }) sort?: string;
}

@InputType({ description: 'A new customer / 新建客户' })
export class CreateCustomerInput implements CustomerFieldsInput {
  @Field({ description: '1–128 characters' }) name: string;
  @Field({ description: '统一社会信用代码, 18 characters with a valid check character' }) creditCode: string;
  @Field({ description: 'Pick list: 汽车零部件 消费电子 光伏新能源 家电 医疗器械 工业自动化 建筑五金 通信设备' }) industry: string;
  @Field(() => String, { nullable: true, description: '华东 华南 华北 华中 西南 西北 东北; defaults to the caller’s region' }) region?: string | null;
  @Field(() => String, { nullable: true }) provinceCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field({ description: 'PHONE, TRADE_SHOW or REFERRAL' }) channel: string;
  @Field(() => [String], { nullable: true, description: '五金件 智能设备 光伏支架 模具' }) productLines?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to the caller; a rep may only create their own customers' }) ownerId?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) nextActionDate?: string | null;
}

@InputType({ description: 'Changes to a customer; omitted fields stay as they are / 修改客户' })
export class UpdateCustomerInput implements CustomerFieldsInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => String, { nullable: true }) industry?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) provinceCode?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) channel?: string | null;
  @Field(() => [String], { nullable: true }) productLines?: string[] | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) nextActionDate?: string | null;
}

@InputType({ description: 'A new contact person / 新增联系人' })
export class ContactInput implements ContactFieldsInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Makes this the primary contact (the previous one no longer is)' }) isPrimary?: boolean | null;
}
