import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@lianxiao/platform';
import { StockLine } from './stock-line.entity';
import { StockTransfer } from './stock-transfer.entity';
import { StockUpload } from './stock-upload.entity';

@ObjectType()
export class StockUploadConnection extends Connection(StockUpload) {}
@ObjectType()
export class StockTransferConnection extends Connection(StockTransfer) {}

@InputType({ description: 'A weekly stock sheet, CSV or XLSX, base64 / 周库存表' })
export class UploadStockSheetInput {
  @Field({ description: 'The file, base64 (≤ 20 MB, ≤ 100,000 rows)' }) fileBase64: string;
  @Field({ description: 'File name; .csv or .xlsx decides the format' }) fileName: string;
  @Field(() => String, { nullable: true, description: 'ISO week, e.g. 2026-W48; default this week (China time)' }) isoWeek?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only check and report, write nothing' }) dryRun?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Same key + same content → the first result; other content → IDEMPOTENCY_KEY_REUSED' }) idempotencyKey?: string | null;
}

@ObjectType({ description: 'One problem in the sheet / 行级错误' })
export class StockRowError {
  @Field(() => Int, { description: 'Row as seen in Excel (header = 1)' }) row: number;
  @Field() column: string;
  @Field() reasonZh: string;
  @Field() reasonEn: string;
}

@ObjectType({ description: 'What a stock sheet upload found and did / 库存表导入报告' })
export class StockSheetReportType {
  @Field() isoWeek: string;
  @Field() dryRun: boolean;
  @Field({ description: 'No errors: the sheet can be (or was) committed' }) accepted: boolean;
  @Field(() => String, { nullable: true, description: 'DRY_RUN, CREATED, REPLACED (same week, other content) or UNCHANGED (same content again)' }) outcome: string | null;
  @Field(() => Int) rowCount: number;
  @Field(() => Int) lineCount: number;
  @Field(() => Int) skuCount: number;
  @Field(() => Int) totalQuantity: number;
  @Field(() => Int) errorCount: number;
  @Field(() => [StockRowError], { description: 'First 200 problems, by row' }) errors: StockRowError[];
  @Field() contentHash: string;
  @Field(() => Int, { nullable: true, description: 'Version of the sheet already stored for this week' }) existingVersion: number | null;
  @Field({ description: 'The stored sheet for this week has exactly this content' }) existingSameContent: boolean;
  @Field(() => StockUpload, { nullable: true }) upload: StockUpload | null;
}

@ObjectType({ description: 'Transfer or promotion suggestion for a slow mover / 处理建议' })
export class StockSuggestion {
  @Field({ description: 'TRANSFER or PROMOTION' }) kind: string;
  @Field(() => String, { nullable: true, description: 'The dealer short of this SKU (code only, never its stock)' }) toDealerCode: string | null;
  @Field(() => String, { nullable: true }) toDealerName: string | null;
  @Field(() => String, { nullable: true }) nearnessZh: string | null;
  @Field(() => String, { nullable: true }) nearnessEn: string | null;
  @Field(() => Int) quantity: number;
  @Field(() => Float, { nullable: true }) theirCoverBefore: number | null;
  @Field(() => Float, { nullable: true }) theirCoverAfter: number | null;
  @Field() messageZh: string;
  @Field() messageEn: string;
}

@ObjectType({ description: 'Cover and slow-moving status of one SKU / 单品库存健康' })
export class SkuStockHealth {
  @Field() skuCode: string;
  @Field() skuName: string;
  @Field() productLine: string;
  @Field(() => Int) onHand: number;
  @Field(() => Int, { description: 'Units sold in the last 8 weeks' }) soldInWindow: number;
  @Field(() => Float) avgWeeklySales: number;
  @Field(() => Float, { nullable: true, description: 'Weeks of cover; null = stock but no sales' }) weeksOfCover: number | null;
  @Field(() => Int, { nullable: true }) weeksSinceLastSale: number | null;
  @Field() slow: boolean;
  @Field() short: boolean;
  @Field(() => [String], { description: 'COVER_ABOVE_THRESHOLD, NO_SALES' }) reasons: string[];
  @Field(() => StockSuggestion, { nullable: true }) suggestion: StockSuggestion | null;
}

@ObjectType({ description: "A dealer's stock health / 库存健康" })
export class StockHealth {
  @Field(() => ID) dealerId: string;
  @Field(() => String, { nullable: true, description: 'Week of the latest stock sheet' }) isoWeek: string | null;
  @Field(() => Date, { nullable: true }) uploadedAt: Date | null;
  @Field(() => Int) totalOnHand: number;
  @Field(() => Int) slowCount: number;
  @Field(() => Int) shortCount: number;
  @Field(() => [SkuStockHealth]) items: SkuStockHealth[];
}

@ObjectType()
export class TurnoverPointType {
  @Field() isoWeek: string;
  @Field(() => Float) sellThroughValue: number;
  @Field(() => Float, { nullable: true }) stockValue: number | null;
  @Field(() => Float, { nullable: true, description: 'That week, annualised' }) turnover: number | null;
}

@ObjectType()
export class DealerTurnover {
  @Field() dealerCode: string;
  @Field() dealerName: string;
  @Field() region: string;
  @Field(() => Float, { nullable: true }) annualisedTurnover: number | null;
  @Field(() => [TurnoverPointType]) points: TurnoverPointType[];
}

@ObjectType({ description: 'HQ: stock turnover across the network / 渠道库存周转' })
export class NetworkStockTurnover {
  @Field(() => [String]) weeks: string[];
  @Field(() => Float, { nullable: true }) annualisedTurnover: number | null;
  @Field() definitionZh: string;
  @Field() definitionEn: string;
  @Field(() => [DealerTurnover]) dealers: DealerTurnover[];
}

@InputType()
export class StockThresholdInput {
  @Field({ description: "'*' for the default or a product line" }) productLine: string;
  @Field(() => Float) coverWeeksAbove: number;
  @Field(() => Int) noSalesWeeks: number;
  @Field(() => Float) shortCoverWeeks: number;
  @Field(() => Float) targetCoverWeeks: number;
}

@InputType({ description: 'Offer stock to another dealer / 发起调拨' })
export class ProposeStockTransferInput {
  @Field({ description: 'Receiving dealer code, e.g. D06' }) toDealerCode: string;
  @Field() skuCode: string;
  @Field(() => Int) quantity: number;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
}

@ArgsType()
export class StockTransferListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'HQ: one dealer; dealer staff: only their own' }) dealerId?: string | null;
  @Field(() => String, { nullable: true, description: 'PROPOSED, ACCEPTED, DECLINED' }) status?: string | null;
}

@ArgsType()
export class StockUploadListArgs extends PageArgs {
  @Field(() => ID) dealerId: string;
}

export { StockLine };
