import { gql } from 'apollo-angular';

export interface StockReport {
  isoWeek: string; dryRun: boolean; accepted: boolean; outcome: string | null; rowCount: number; lineCount: number; skuCount: number; totalQuantity: number;
  errorCount: number; errors: { row: number; column: string; reasonZh: string; reasonEn: string }[]; existingVersion: number | null; existingSameContent: boolean;
}
export interface SkuHealthRow {
  skuCode: string; skuName: string; onHand: number; avgWeeklySales: number; weeksOfCover: number | null; slow: boolean; short: boolean; reasons: string[];
  suggestion: { kind: string; toDealerCode: string | null; toDealerName: string | null; quantity: number; messageZh: string; messageEn: string } | null;
}
export interface Transfer { id: string; status: string; skuCode: string; quantity: number; fromDealerCode: string; fromDealerName: string; toDealerCode: string; toDealerName: string; direction: string | null; note: string | null; proposedAt: string }

export const UPLOAD_STOCK = gql<{ uploadStockSheet: StockReport }, { input: { fileBase64: string; fileName: string; dryRun: boolean; idempotencyKey?: string } }>`
  mutation UploadStock($input: UploadStockSheetInput!) {
    uploadStockSheet(input: $input) { isoWeek dryRun accepted outcome rowCount lineCount skuCount totalQuantity errorCount errors { row column reasonZh reasonEn } existingVersion existingSameContent }
  }
`;

export const STOCK_PAGE = gql<{ stockHealth: { isoWeek: string | null; items: SkuHealthRow[] }; stockTransfers: { nodes: Transfer[] } }, { dealerId: string }>`
  query StockPage($dealerId: ID!) {
    stockHealth(dealerId: $dealerId) { isoWeek items { skuCode skuName onHand avgWeeklySales weeksOfCover slow short reasons suggestion { kind toDealerCode toDealerName quantity messageZh messageEn } } }
    stockTransfers(first: 20) { nodes { id status skuCode quantity fromDealerCode fromDealerName toDealerCode toDealerName direction note proposedAt } }
  }
`;

export const PROPOSE_TRANSFER = gql<{ proposeStockTransfer: Transfer }, { input: { toDealerCode: string; skuCode: string; quantity: number; note?: string; idempotencyKey: string } }>`
  mutation ProposeTransfer($input: ProposeStockTransferInput!) { proposeStockTransfer(input: $input) { id status } }
`;

export const RESPOND_TRANSFER = gql<{ respondToStockTransfer: Transfer }, { id: string; accept: boolean; note?: string | null }>`
  mutation RespondTransfer($id: ID!, $accept: Boolean!, $note: String) { respondToStockTransfer(id: $id, accept: $accept, note: $note) { id status } }
`;
