import { Args, ArgsType, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Authenticated, Caller, Connection, CurrentCaller, HQ_ROLES, PageArgs, Role } from '@lianxiao/platform';
import { SellThroughReceipt } from './sell-through-receipt.entity';
import { SellThroughService } from './sell-through.service';
import { provinceByCode } from './receipt-rules';

@ObjectType()
export class SellThroughReceiptConnection extends Connection(SellThroughReceipt) {}

@InputType({ description: 'One end-customer sale with its signed receipt / 终端动销登记' })
export class RecordSellThroughInput {
  @Field() skuCode: string;
  @Field(() => Int) quantity: number;
  @Field(() => Float, { description: 'CNY per unit' }) unitPrice: number;
  @Field() endCustomerName: string;
  @Field({ description: 'GB/T 2260 province code of the delivery address' }) deliveryProvinceCode: string;
  @Field(() => String, { nullable: true, description: 'GB/T 2260 city code (optional)' }) deliveryCityCode?: string | null;
  @Field({ description: 'Signed receipt number, unique across all dealers' }) receiptNumber: string;
  @Field({ description: 'Signed receipt photo, base64 (JPEG/PNG, ≤ 5 MB)' }) imageBase64: string;
  @Field({ description: 'image/jpeg or image/png' }) imageMimeType: string;
  @Field(() => String, { nullable: true, description: 'Same key + same payload returns the first receipt' }) idempotencyKey?: string | null;
}

@ObjectType({ description: '窜货 flags delivered into one province / 按省份统计的窜货预警' })
export class ProvinceFlagCount {
  @Field({ description: 'GB/T 2260 province code of the delivery' }) provinceCode: string;
  @Field() provinceName: string;
  @Field(() => Int) flagged: number;
  @Field(() => Int, { description: 'Still standing: not dismissed after a dispute' }) standing: number;
}

@ArgsType()
export class SellThroughListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'HQ: one dealer; dealer staff: only their own' }) dealerId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '窜货-flagged only' }) flaggedOnly?: boolean | null;
}

@Resolver(() => SellThroughReceipt)
export class SellThroughResolver {
  constructor(private readonly sellThrough: SellThroughService) {}

  @Mutation(() => SellThroughReceipt, { description: 'Dealer staff record an end-customer sale for their own dealer / 登记终端动销' })
  @Allow(Role.DEALER)
  recordSellThrough(@CurrentCaller() caller: Caller, @Args('input') input: RecordSellThroughInput): Promise<SellThroughReceipt> {
    return this.sellThrough.record(caller, input);
  }

  @Query(() => SellThroughReceiptConnection, { description: 'Sell-through receipts: dealer staff their own, HQ all / 终端动销记录' })
  @Authenticated()
  sellThroughReceipts(@CurrentCaller() caller: Caller, @Args() args: SellThroughListArgs): Promise<SellThroughReceiptConnection> {
    return this.sellThrough.list(caller, args);
  }

  @Query(() => [ProvinceFlagCount], { description: 'HQ: 窜货 flags by delivery province, most first (the network map) / 窜货省份分布' })
  @Allow(...HQ_ROLES)
  async crossRegionFlagsByProvince(): Promise<ProvinceFlagCount[]> {
    const rows = await this.sellThrough.flagsByProvince();
    return rows.map((r) => ({ ...r, provinceName: provinceByCode(r.provinceCode)?.name ?? r.provinceCode }));
  }

  @Query(() => SellThroughReceiptConnection, { description: 'HQ: all receipts flagged as cross-region selling (窜货) / 窜货预警' })
  @Allow(...HQ_ROLES)
  crossRegionFlags(@CurrentCaller() caller: Caller, @Args() args: PageArgs): Promise<SellThroughReceiptConnection> {
    return this.sellThrough.list(caller, { ...args, flaggedOnly: true });
  }
}
