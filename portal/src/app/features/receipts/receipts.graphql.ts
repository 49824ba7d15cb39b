import { gql } from 'apollo-angular';

export interface Receipt { id: string; skuCode: string; quantity: number; unitPrice: number; endCustomerName: string; deliveryProvinceCode: string; receiptNumber: string; recordedAt: string; crossRegionFlag: boolean; flagReason: string | null; flagConfidence: number | null; flagStatus: string | null }

/** Provinces the network sells in (GB/T 2260). */
export const PROVINCE_OPTIONS: readonly { code: string; name: string }[] = [
  ['310000', '上海市'], ['320000', '江苏省'], ['330000', '浙江省'], ['340000', '安徽省'], ['350000', '福建省'], ['360000', '江西省'], ['370000', '山东省'],
  ['440000', '广东省'], ['450000', '广西壮族自治区'], ['460000', '海南省'], ['110000', '北京市'], ['120000', '天津市'], ['130000', '河北省'], ['140000', '山西省'],
  ['150000', '内蒙古自治区'], ['410000', '河南省'], ['420000', '湖北省'], ['430000', '湖南省'], ['500000', '重庆市'], ['510000', '四川省'], ['520000', '贵州省'],
  ['530000', '云南省'], ['610000', '陕西省'], ['620000', '甘肃省'], ['640000', '宁夏回族自治区'], ['650000', '新疆维吾尔自治区'], ['210000', '辽宁省'], ['220000', '吉林省'], ['230000', '黑龙江省'],
].map(([code, name]) => ({ code, name }));

const RECEIPT_FIELDS = 'id skuCode quantity unitPrice endCustomerName deliveryProvinceCode receiptNumber recordedAt crossRegionFlag flagReason flagConfidence flagStatus';

export const RECEIPTS_PAGE = gql<{ sellThroughReceipts: { nodes: Receipt[] }; skus: { nodes: { code: string; name: string; price: number }[] }; dealer: { territories: { provinceCode: string }[] } }, { dealerId: string }>`
  query ReceiptsPage($dealerId: ID!) {
    sellThroughReceipts(dealerId: $dealerId, first: 20) { nodes { ${RECEIPT_FIELDS} } }
    skus(first: 200) { nodes { code name price } }
    dealer(id: $dealerId) { id territories { id provinceCode } }
  }
`;

export const RECORD_RECEIPT = gql<{ recordSellThrough: Receipt }, { input: Record<string, unknown> }>`
  mutation RecordReceipt($input: RecordSellThroughInput!) { recordSellThrough(input: $input) { ${RECEIPT_FIELDS} } }
`;

export const DISPUTE_FLAG = gql<{ disputeCrossRegionFlag: { id: string; status: string } }, { input: { receiptId: string; comment: string; evidenceNote: string } }>`
  mutation DisputeFlag($input: DisputeCrossRegionFlagInput!) { disputeCrossRegionFlag(input: $input) { id status } }
`;
