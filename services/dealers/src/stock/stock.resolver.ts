import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Allow, assertDealerAccess, Authenticated, Caller, CurrentCaller, HQ_ROLES, pageWindow, RequestContext, Role, toConnection } from '@lianxiao/platform';
import {
  NetworkStockTurnover, ProposeStockTransferInput, StockHealth, StockSheetReportType, StockThresholdInput, StockTransferConnection, StockTransferListArgs,
  StockUploadConnection, StockUploadListArgs, UploadStockSheetInput,
} from './stock.dto';
import { StockHealthService } from './stock-health.service';
import { StockLine } from './stock-line.entity';
import { StockThreshold } from './stock-threshold.entity';
import { StockTransfer } from './stock-transfer.entity';
import { StockTransferService } from './stock-transfer.service';
import { StockUpload } from './stock-upload.entity';
import { StockUploadService } from './stock-upload.service';

@Resolver()
export class StockResolver {
  constructor(
    private readonly uploads: StockUploadService,
    private readonly health: StockHealthService,
    private readonly transfers: StockTransferService,
    @InjectRepository(StockUpload) private readonly uploadRepo: Repository<StockUpload>,
    @InjectRepository(StockLine) private readonly lineRepo: Repository<StockLine>,
  ) {}

  @Mutation(() => StockSheetReportType, { description: 'Dealer staff upload their weekly stock sheet: dry run → report; commit all-or-nothing / 上报周库存' })
  @Allow(Role.DEALER)
  uploadStockSheet(@CurrentCaller() caller: Caller, @Args('input') input: UploadStockSheetInput): Promise<StockSheetReportType> {
    return this.uploads.upload(caller, input);
  }

  @Query(() => StockUploadConnection, { description: "A dealer's stock sheets, newest week first / 库存上报记录" })
  @Authenticated()
  async stockUploads(@CurrentCaller() caller: Caller, @Args() args: StockUploadListArgs): Promise<StockUploadConnection> {
    assertDealerAccess(caller, args.dealerId);
    const window = pageWindow(args, 20);
    const [nodes, total] = await this.uploadRepo.findAndCount({ where: { dealerId: args.dealerId }, order: { isoWeek: 'DESC' }, skip: window.skip, take: window.take });
    return toConnection(nodes, total, window);
  }

  @Query(() => [StockLine], { description: "Lines of a dealer's stock sheet (latest week unless given) / 库存明细" })
  @Authenticated()
  async stockLines(
    @CurrentCaller() caller: Caller,
    @Args('dealerId', { type: () => ID }) dealerId: string,
    @Args('isoWeek', { type: () => String, nullable: true }) isoWeek?: string | null,
  ): Promise<StockLine[]> {
    assertDealerAccess(caller, dealerId);
    const week = isoWeek ?? (await this.uploadRepo.findOne({ where: { dealerId }, order: { isoWeek: 'DESC' } }))?.isoWeek;
    if (!week) return [];
    return this.lineRepo.find({ where: { dealerId, isoWeek: week }, order: { skuCode: 'ASC', batch: 'ASC', warehouse: 'ASC' }, take: 5000 });
  }

  @Query(() => StockHealth, { description: 'Weeks of cover per SKU, slow movers and what to do about them / 库存健康与滞销预警' })
  @Authenticated()
  stockHealth(@CurrentCaller() caller: Caller, @Args('dealerId', { type: () => ID }) dealerId: string): Promise<StockHealth> {
    return this.health.health(caller, dealerId);
  }

  @Query(() => NetworkStockTurnover, { description: 'HQ: stock turnover per dealer per week / 渠道库存周转' })
  @Allow(...HQ_ROLES)
  networkStockTurnover(@Args('weeks', { type: () => Int, nullable: true }) weeks?: number | null): Promise<NetworkStockTurnover> {
    return this.health.networkTurnover(weeks ?? 12);
  }

  @Query(() => [StockThreshold], { description: 'Slow-mover thresholds (empty = defaults: cover > 12 weeks, no sales 4 weeks) / 滞销阈值' })
  @Authenticated()
  stockThresholds(): Promise<StockThreshold[]> {
    return this.health.listThresholds();
  }

  @Mutation(() => StockThreshold, { description: 'HQ sets slow-mover thresholds for the network or one product line / 设置滞销阈值' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  setStockThreshold(@Args('input') input: StockThresholdInput): Promise<StockThreshold> {
    return this.health.setThreshold(input);
  }

  @Mutation(() => StockTransfer, { description: 'Dealer staff offer stock to another dealer / 发起调拨' })
  @Allow(Role.DEALER)
  proposeStockTransfer(@CurrentCaller() caller: Caller, @Args('input') input: ProposeStockTransferInput): Promise<StockTransfer> {
    return this.transfers.propose(caller, input);
  }

  @Mutation(() => StockTransfer, { description: 'The receiving dealer accepts (stock moves in both sheets) or declines / 处理调拨' })
  @Allow(Role.DEALER)
  respondToStockTransfer(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<StockTransfer> {
    return this.transfers.respond(caller, id, accept, note);
  }

  @Query(() => StockTransferConnection, { description: 'Transfers: dealer staff those they send or receive, HQ all / 调拨单' })
  @Authenticated()
  stockTransfers(@CurrentCaller() caller: Caller, @Args() args: StockTransferListArgs): Promise<StockTransferConnection> {
    return this.transfers.list(caller, args);
  }
}

@Resolver(() => StockTransfer)
export class StockTransferFieldsResolver {
  constructor(private readonly transfers: StockTransferService) {}

  @ResolveField('direction', () => String, { nullable: true, description: "OUTGOING or INCOMING for the caller's dealer; null for HQ" })
  @Authenticated()
  direction(@Parent() t: StockTransfer, @Context() ctx: RequestContext): string | null {
    return ctx.caller ? this.transfers.directionFor(ctx.caller, t) : null;
  }
}
