import { Field, Float, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'The payload ERP would publish on erp.customer-master-updated.v1 (simulator) / 模拟 ERP 客户主数据更新' })
export class ErpCustomerMasterInput {
  @Field(() => ID) customerId: string;
  @Field() erpCustomerCode: string;
  @Field() creditCode: string;
  @Field() latestContactName: string;
  @Field() latestContactPhone: string;
  @Field(() => String, { nullable: true }) latestContactTitle?: string | null;
  @Field(() => Float) validContractAmount: number;
  @Field(() => String, { nullable: true, description: 'Default CNY' }) currency?: string | null;
  @Field(() => Date, { nullable: true, description: 'When ERP changed it; default now' }) updatedAt?: Date | null;
}
